package cn.gov.supervision.tasks;

import cn.gov.supervision.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's measure: every real plan of {@code src/test/resources/corpus} (and the Huzhou plan) goes through the real
 * import endpoint as a dry run, and what it finds is compared with the tasks written down by hand for it. Prints, per
 * document, tasks expected / found / exact (units and deadline right), the unseen set apart; holds the importer to the
 * issue's thresholds.
 */
@QuarkusTest
class PlanImportCorpusTest {

    /**
     * Words that end a clause or state a rule, never part of a unit's name: a unit named with one of them was cut from
     * a sentence (以下各项均需各区县落实) or kept a tail (市发改委牵头落实).
     */
    private static final List<String> NEVER_IN_A_UNIT = List.of("负责落实", "牵头", "配合", "按职责", "分工", "不再",
            "下同", "均需", "均包含", "均涉及", "以下", "一一列出", "等市有关");

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @Test
    void everyDocumentOfTheCorpusYieldsTheTasksWrittenDownForIt() throws Exception {
        TaskFixtures.awaitReferenceUnits();
        List<Result> results = new ArrayList<>();
        for (Expectation expectation : expectations()) {
            results.add(measure(expectation));
        }
        StringBuilder table = new StringBuilder("\n| document | set | expected | found | exact | extra | title |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (String set : List.of("huzhou", "seen", "unseen", "form")) {
            int expected = 0;
            int found = 0;
            int exact = 0;
            for (Result result : results) {
                if (result.expectation.set.equals(set)) {
                    table.append(result.row()).append('\n');
                    expected += result.expected();
                    found += result.found;
                    exact += result.exact;
                }
            }
            table.append(String.format("| **all %s** | | %d | %d | %d (%s) | | |%n", set, expected, found, exact,
                    percent(exact, expected)));
        }
        System.out.println(table);
        results.forEach(result -> result.misses.forEach(miss -> System.out.println(result.expectation.name + ": " + miss)));

        List<String> ruleUnits = results.stream().flatMap(result -> result.ruleUnits.stream()).toList();
        assertThat(ruleUnits).as("units made from a rule phrase, a tail or a cut-off name").isEmpty();
        Result huzhou = results.stream().filter(result -> result.expectation.set.equals("huzhou")).findFirst().orElseThrow();
        assertThat(huzhou.exact).as("Huzhou plan, tasks exact").isEqualTo(huzhou.expected());
        assertThat(huzhou.extra).as("Huzhou plan, tasks not expected").isZero();
        for (Result form : results.stream().filter(result -> result.expectation.set.equals("form")).toList()) {
            Result original = results.stream()
                    .filter(result -> result.expectation.name.equals(form.expectation.formOf))
                    .findFirst().orElseThrow();
            assertThat(List.of(form.found, form.exact))
                    .as("%s, another form of %s: found, exact", form.expectation.name, original.expectation.name)
                    .isEqualTo(List.of(original.found, original.exact));
            assertThat(form.extra).as("%s, tasks not expected", form.expectation.name)
                    .isLessThanOrEqualTo(original.extra);
        }
        int unseenExpected = results.stream().filter(result -> result.expectation.set.equals("unseen"))
                .mapToInt(Result::expected).sum();
        int unseenExact = results.stream().filter(result -> result.expectation.set.equals("unseen"))
                .mapToInt(result -> result.exact).sum();
        assertThat(unseenExact * 100).as("unseen documents, tasks exact (%d of %d)", unseenExact, unseenExpected)
                .isGreaterThanOrEqualTo(90 * unseenExpected);
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "-" : Math.round(100.0 * part / whole) + " %";
    }

    private Result measure(Expectation expectation) {
        var request = given().contentType(expectation.mediaType).body(expectation.document).queryParam("dryRun", true);
        JsonPath answer = request.when().post("/api/v1/plans/import").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> tasks = answer.getList("tasks");
        Result result = new Result(expectation, answer.getString("plan.title"));
        Set<Integer> used = new HashSet<>();
        for (ExpectedTask wanted : expectation.tasks) {
            int index = -1;
            for (int i = 0; i < tasks.size() && index < 0; i++) {
                if (!used.contains(i) && wanted.matches(tasks.get(i))) {
                    index = i;
                }
            }
            if (index < 0) {
                result.misses.add("not found: " + wanted.phrase);
                continue;
            }
            used.add(index);
            result.found++;
            String difference = wanted.difference(tasks.get(index));
            if (difference == null) {
                result.exact++;
            } else {
                result.misses.add(wanted.phrase + ": " + difference);
            }
        }
        for (int i = 0; i < tasks.size(); i++) {
            Map<String, Object> task = tasks.get(i);
            if (!used.contains(i)) {
                result.extra++;
                result.misses.add("extra task: " + ExpectedTask.line(task));
            }
            for (String name : unitNames(task)) {
                if (NEVER_IN_A_UNIT.stream().anyMatch(name::contains)
                        || expectation.neverUnits.stream().anyMatch(name::contains)) {
                    result.ruleUnits.add(expectation.name + ": " + name);
                }
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<String> unitNames(Map<String, Object> task) {
        List<String> names = new ArrayList<>();
        for (String role : List.of("leadUnits", "coUnits")) {
            ((List<Map<String, Object>>) task.get(role)).forEach(unit -> names.add((String) unit.get("name")));
        }
        return names;
    }

    private static List<Expectation> expectations() throws IOException, URISyntaxException {
        Path corpus = Path.of(Objects.requireNonNull(PlanImportCorpusTest.class.getResource("/corpus")).toURI());
        List<Expectation> expectations = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".expected")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".expected", "");
                Path text = corpus.resolve(name + ".txt");
                Path pdf = corpus.resolve(name + ".pdf");
                if (Files.exists(pdf)) {
                    expectations.add(Expectation.read(name, Files.readAllBytes(pdf), "application/pdf",
                            Files.readAllLines(file)));
                } else {
                    String document = Files.exists(text) ? Files.readString(text) : huzhou();
                    expectations.add(Expectation.read(name, document.getBytes(StandardCharsets.UTF_8),
                            "text/plain; charset=UTF-8", Files.readAllLines(file)));
                }
            }
        }
        return expectations;
    }

    /** The Huzhou plan lives in test-kit, where every module's tests read it. */
    private static String huzhou() throws IOException {
        try (InputStream in = PlanImportCorpusTest.class.getResourceAsStream("/documents/huzhou-2022-work-plan.txt")) {
            return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * One document and what was written down for it. A document of set {@code form} is another form of the one named by
     * {@code # form-of:} (its punctuation turned into ASCII, its text laid out as a PDF table): it must yield what its
     * original yields, task for task.
     */
    private record Expectation(String name, byte[] document, String mediaType, String set, String formOf, String title,
                               List<String> neverUnits, List<ExpectedTask> tasks) {

        static Expectation read(String name, byte[] document, String mediaType, List<String> lines) {
            String set = "seen";
            String formOf = null;
            String title = "-";
            List<String> neverUnits = new ArrayList<>();
            List<ExpectedTask> tasks = new ArrayList<>();
            for (String line : lines) {
                if (line.startsWith("# set:")) {
                    set = line.substring(6).strip();
                } else if (line.startsWith("# form-of:")) {
                    formOf = line.substring(10).strip();
                } else if (line.startsWith("# title:")) {
                    title = line.substring(8).strip();
                } else if (line.startsWith("# never-unit:")) {
                    neverUnits.addAll(Arrays.asList(line.substring(13).strip().split("、")));
                } else if (!line.startsWith("#") && !line.isBlank()) {
                    tasks.add(ExpectedTask.parse(line));
                }
            }
            return new Expectation(name, document, mediaType, set, formOf, title, neverUnits, tasks);
        }
    }

    /** One task as written down: a phrase of its text, its units, its deadline. */
    private record ExpectedTask(String phrase, Set<String> leads, Set<String> cos, String deadline) {

        static ExpectedTask parse(String line) {
            String[] fields = line.split("\t", -1);
            return new ExpectedTask(fields[0], units(fields[1]), units(fields[2]), fields[3].strip());
        }

        /**
         * Split on 、 outside brackets: 各县(市、区)人民政府 is one unit. A name whose 、 is not bracketed in the document
         * (各区、县级市, every district and county-level city) is written 「各区、县级市」 and kept whole.
         */
        private static Set<String> units(String field) {
            Set<String> units = new HashSet<>();
            int depth = 0;
            int start = 0;
            String text = field.strip();
            for (int i = 0; i <= text.length(); i++) {
                char c = i < text.length() ? text.charAt(i) : '、';
                if ("(（〈﹝〔[「".indexOf(c) >= 0) {
                    depth++;
                } else if (")）〉﹞〕]」".indexOf(c) >= 0) {
                    depth = Math.max(0, depth - 1);
                } else if (c == '、' && depth == 0) {
                    if (i > start) {
                        units.add(text.substring(start, i).replace("「", "").replace("」", ""));
                    }
                    start = i + 1;
                }
            }
            return units;
        }

        /**
         * The phrase is in the task's text, or in the heading of the item it is filed under ((一)加强市场体系建设 …
         * 〔责任单位:…〕): a person records an item with one clause by its heading, the importer files its text under it.
         */
        boolean matches(Map<String, Object> task) {
            String phraseKey = phrase.replaceAll("\\s", "");
            String section = String.valueOf(task.get("section"));
            String item = section.substring(section.lastIndexOf('>') + 1);
            return String.valueOf(task.get("description")).replaceAll("\\s", "").contains(phraseKey)
                    || String.valueOf(task.get("title")).replaceAll("\\s", "").contains(phraseKey)
                    || item.replaceAll("\\s", "").contains(phraseKey);
        }

        /** What differs from the task found, or null when units and deadline are right. */
        String difference(Map<String, Object> task) {
            List<String> differences = new ArrayList<>();
            Set<String> leadsFound = names(task, "leadUnits");
            Set<String> cosFound = names(task, "coUnits");
            if (!leadsFound.equals(leads)) {
                differences.add("leads " + leadsFound + " instead of " + leads);
            }
            if (!cosFound.equals(cos)) {
                differences.add("co-units " + cosFound + " instead of " + cos);
            }
            String deadlineFound = deadline(task);
            if (!deadlineFound.equals(deadline)) {
                differences.add("deadline " + deadlineFound + " instead of " + deadline);
            }
            return differences.isEmpty() ? null : String.join("; ", differences);
        }

        @SuppressWarnings("unchecked")
        private static Set<String> names(Map<String, Object> task, String role) {
            Set<String> names = new HashSet<>();
            ((List<Map<String, Object>>) task.get(role)).forEach(unit -> names.add((String) unit.get("name")));
            return names;
        }

        /** The deadline in the notation of the expectation files: NONE, NONE:年底前, ONGOING, DATE:2023-12-31 … */
        @SuppressWarnings("unchecked")
        static String deadline(Map<String, Object> task) {
            Map<String, Object> deadline = (Map<String, Object>) task.get("deadline");
            String kind = String.valueOf(deadline.get("kind"));
            String text = deadline.get("text") == null ? "" : ((String) deadline.get("text")).strip();
            return switch (kind) {
                case "NONE" -> text.isEmpty() ? "NONE" : "NONE:" + text;
                case "ONGOING" -> "ONGOING";
                case "RECURRING" -> "RECURRING:" + deadline.get("recurrence");
                default -> kind + ":" + deadline.get("dueDate");
            };
        }

        /** A task found, in the notation of the expectation files. */
        @SuppressWarnings("unchecked")
        static String line(Map<String, Object> task) {
            String description = String.valueOf(task.get("description"));
            return description.substring(0, Math.min(24, description.length())) + "\t"
                    + String.join("、", ((List<Map<String, Object>>) task.get("leadUnits")).stream()
                    .map(unit -> (String) unit.get("name")).toList()) + "\t"
                    + String.join("、", ((List<Map<String, Object>>) task.get("coUnits")).stream()
                    .map(unit -> (String) unit.get("name")).toList()) + "\t" + deadline(task);
        }
    }

    private static final class Result {
        final Expectation expectation;
        final String titleFound;
        final List<String> misses = new ArrayList<>();
        final List<String> ruleUnits = new ArrayList<>();
        int found;
        int exact;
        int extra;

        Result(Expectation expectation, String titleFound) {
            this.expectation = expectation;
            this.titleFound = titleFound;
        }

        int expected() {
            return expectation.tasks.size();
        }

        String row() {
            String title = expectation.title.equals("-") ? "-" : expectation.title.equals(titleFound) ? "yes"
                    : "no (" + titleFound + ")";
            return String.format("| %s | %s | %d | %d | %d | %d | %s |", expectation.name, expectation.set, expected(),
                    found, exact, extra, title);
        }
    }
}
