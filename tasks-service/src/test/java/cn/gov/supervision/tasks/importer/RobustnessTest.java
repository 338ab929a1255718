package cn.gov.supervision.tasks.importer;

import cn.gov.supervision.tasks.domain.TaskCategory;
import cn.gov.supervision.tasks.importer.Diagnostic.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Whatever the text, parse returns: the result says what was found, the diagnostics what was not. */
class RobustnessTest {

    private static final int TWENTY_MEGABYTES = 20 * 1024 * 1024;
    private static final int ONE_MEGABYTE = 1024 * 1024;
    private static final Duration LINEAR_TIME_BACKSTOP = Duration.ofMinutes(3);
    private static final Duration NOISE = Duration.ofSeconds(1);

    private final WorkPlanParser parser = new WorkPlanParser();

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\n\n", " \t\u3000\r\n\u00A0 ", "\uFEFF"})
    void emptyOrBlankDocumentsYieldNoTasksAndSaySo(String document) {
        ParsedPlan plan = parser.parse(document, null);

        assertThat(plan.tasks()).isEmpty();
        assertThat(plan.diagnostics()).extracting(Diagnostic::code, Diagnostic::severity)
                .contains(tuple("NO_TASKS", Severity.ERROR));
        assertSound(plan);
    }

    @Test
    void aNullDocumentIsAnEmptyOne() {
        ParsedPlan plan = parser.parse(null, 2022);

        assertThat(plan.tasks()).isEmpty();
        assertThat(plan.header().year()).isEqualTo(2022);
        assertSound(plan);
    }

    @Test
    void aDocumentWithoutTasksIsAnErrorNotAnException() {
        String document = Documents.huzhou().replace("牽頭單位", "主辦").replace("|", " ");

        ParsedPlan plan = parser.parse(document, null);

        assertThat(plan.tasks()).isEmpty();
        assertThat(plan.header().title()).isEqualTo("2022年全市政务公开工作要点");
        assertThat(plan.diagnostics()).filteredOn(d -> d.severity() == Severity.ERROR)
                .extracting(Diagnostic::code).containsExactly("NO_TASKS");
    }

    @Test
    void binaryGarbageDecodedAsText() {
        Random random = new Random(20220721);
        for (int round = 0; round < 20; round++) {
            byte[] bytes = new byte[1 + random.nextInt(64 * 1024)];
            random.nextBytes(bytes);
            assertSound(parser.parse(new String(bytes, StandardCharsets.UTF_8), null));
            assertSound(parser.parse(new String(bytes, StandardCharsets.ISO_8859_1), null));
            assertSound(parser.parse(new String(bytes, StandardCharsets.UTF_16LE), null));
        }
    }

    @Test
    void randomTextMadeOfThePlansOwnPieces() {
        String[] pieces = {"(", ")", "（", "）", "﹝", "﹞", "|", " | ", "\n", "\r\n", "、", ",", ";", ":", "。",
            "一、", "(一)", "(十三)", "附件1", "附件", "序号", "重点任务", "牵头单位", "牵头单位:", "責任單位:", "以下责任单位均包含",
            "含", "下同", "市财政局", "各区县政府", "9月底前", "全年", "??", "(fā)", "發", "\uFFFD", "\uD800", "1", "名称",
            "目标任务", "区县", "吴兴区", "完成时限", " "};
        Random random = new Random(2022);
        for (int round = 0; round < 300; round++) {
            StringBuilder document = new StringBuilder();
            int length = random.nextInt(400);
            for (int i = 0; i < length; i++) {
                document.append(pieces[random.nextInt(pieces.length)]);
            }
            assertSound(parser.parse(document.toString(), null));
        }
    }

    @Test
    void twentyMegabytesOfRealPlanTakeLinearTimeAndStopTakingTasksAtTheLimit() {
        ParsedPlan plan = parsedInLinearTime(length -> repeatToLength(Documents.huzhou(), length), TWENTY_MEGABYTES);

        assertThat(plan.tasks()).hasSize(TaskCollector.MOST_TASKS);
        assertThat(plan.diagnostics()).extracting(Diagnostic::code).contains("TOO_MANY_TASKS");
        assertSound(plan);
    }

    @Test
    void twentyMegabytesOnOneLineTakeLinearTime() {
        String sentence = "推進(jìn)政務(wù)公開標準化建設(shè),打通服務(wù)群眾“最后一公里”(居)。";
        String unitNote = "(牽頭單位:市政府辦公室)";

        ParsedPlan plan = parsedInLinearTime(
                length -> "(一)甲項。" + repeatToLength(sentence, length) + unitNote, TWENTY_MEGABYTES);

        assertThat(plan.tasks()).singleElement().satisfies(task -> {
            assertThat(task.leadUnitNames()).containsExactly("市政府办公室");
            assertThat(task.originalText()).hasSize(repeatToLength(sentence, TWENTY_MEGABYTES).length() + unitNote.length());
            assertThat(task.description()).hasSizeLessThanOrEqualTo(TextForms.LONGEST_CONVERTED);
        });
        assertThat(plan.diagnostics()).extracting(Diagnostic::code).contains("LONG_TEXT");
    }

    @Test
    void twentyMegabytesOfShortLinesTakeLinearTime() {
        String words = "政务公开工作市区县单位任务号序名称时限甲乙丙";

        assertSound(parsedInLinearTime(length -> {
            Random random = new Random(7);
            StringBuilder document = new StringBuilder(length + 16);
            while (document.length() < length) {
                for (int i = random.nextInt(6); i >= 0; i--) {
                    document.append(words.charAt(random.nextInt(words.length())));
                }
                document.append('\n');
            }
            return document.toString();
        }, TWENTY_MEGABYTES));
    }

    @Test
    void twentyMegabytesOfUnitNotesWithoutTasksTakeLinearTime() {
        ParsedPlan plan = parsedInLinearTime(length -> repeatToLength("(牽頭單位:市財政局)", length), TWENTY_MEGABYTES);

        assertThat(plan.tasks()).isEmpty();
        assertThat(plan.diagnostics()).extracting(Diagnostic::code).contains("EMPTY_CLAUSE", "NO_TASKS");
        assertSound(plan);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(", ")", "((((((((牵头单位:", "(牵头单位:", "(牽頭單(dān)位:市", "發(fā)", "|", "| 序号 |",
        "一、", "(一)", "附件1\n", "序号\n重点任务\n牵头单位\n", "1\n", "?", "以下责任单位均", "﹝含", "\n", "牵头单位:(",
        "9月底前 | "})
    void megabyteLinesOfOnePatternTakeLinearTime(String pattern) {
        assertSound(parsedInLinearTime(
                length -> "(一)甲項。" + repeatToLength(pattern, length) + "(牵头单位:市财政局)", ONE_MEGABYTE));
    }

    @Test
    void aTableWithMissingCellsYieldsWhatItCan() {
        ParsedPlan plan = parser.parse("""
                附件1
                序号 | 重点任务 | 牵头单位 | 完成时限 |
                1 |
                2 | 做好乙工作。
                3 | | | |
                | | 市财政局 | 9月底前 |
                """, 2022);

        assertThat(plan.tasks()).singleElement().satisfies(task -> {
            assertThat(task.code()).isEqualTo("附件1-1");
            assertThat(task.category()).isEqualTo(TaskCategory.KEY_TASK);
            assertThat(task.leadUnitNames()).isEmpty();
        });
        assertThat(plan.diagnostics()).extracting(Diagnostic::line, Diagnostic::code, Diagnostic::severity)
                .contains(tuple(3, "MISSING_CELL", Severity.ERROR),
                        tuple(4, "MISSING_CELL", Severity.WARNING),
                        tuple(4, "NO_LEAD_UNIT", Severity.WARNING),
                        tuple(6, "MISSING_CELL", Severity.ERROR));
        assertSound(plan);
    }

    @Test
    void aProblemRepeatedOnEveryLineIsKeptOnlySoOften() {
        String document = "名??稱\n".repeat(5000);

        ParsedPlan plan = parser.parse(document, 2022);

        assertThat(plan.diagnostics()).filteredOn(d -> d.code().equals("LOST_CHARACTERS")).hasSize(100);
        assertThat(plan.diagnostics()).filteredOn(d -> d.code().equals("DIAGNOSTICS_LEFT_OUT")).singleElement()
                .satisfies(d -> assertThat(d.message()).startsWith("4900 more LOST_CHARACTERS"));
    }

    /**
     * Parses the document at a hundredth of {@code length} and then whole, and holds the whole one to linear time:
     * about a hundred times the hundredth's, allowed up to a thousand (a quadratic parser takes ten thousand times; a
     * backtracking one never ends, which the backstop turns into a failure). A ratio measured in the same minute, not
     * seconds on a clock: on a machine shared with other builds a fixed "15 s" failed a linear parser and would pass a
     * quadratic one on a fast machine. Differences under a second are noise, not growth.
     *
     * <p>The sizes are a hundred times apart, not ten, because the noise of two cores shared with a broker, a service
     * and a database reaches several times: CI saw linear parses of ten times the text take 31, 63 and 84 times as
     * long, which a factor of ten (linear 10, quadratic 100) cannot tell from growth, and a factor of a hundred
     * (linear 100, quadratic 10,000) can: the bound sits ten times from each, and with two busy loops beside the
     * build the worst linear case here measured 300 times. What is timed is the CPU the parsing thread
     * itself spent, so collector pauses and waiting for a core do not count; each side is the best of three runs (the
     * whole's further runs only when the first missed).
     */
    private ParsedPlan parsedInLinearTime(IntFunction<String> documentOfLength, int length) {
        String hundredth = documentOfLength.apply(length / 100);
        String whole = documentOfLength.apply(length);
        parser.parse(hundredth, null); // compiled before it is timed
        Duration hundredthTook = null;
        for (int run = 0; run < 3; run++) {
            Duration took = parsedOnThisThread(hundredth).took();
            hundredthTook = hundredthTook == null || took.compareTo(hundredthTook) < 0 ? took : hundredthTook;
        }
        Duration allowed = hundredthTook.multipliedBy(1000);
        Duration bound = allowed.compareTo(NOISE) < 0 ? NOISE : allowed;
        ParsedPlan plan = null;
        Duration wholeTook = null;
        for (int run = 0; run < 3 && (wholeTook == null || wholeTook.compareTo(bound) > 0); run++) {
            Timed timed = assertTimeoutPreemptively(LINEAR_TIME_BACKSTOP, () -> parsedOnThisThread(whole));
            plan = timed.plan();
            wholeTook = wholeTook == null || timed.took().compareTo(wholeTook) < 0 ? timed.took() : wholeTook;
        }
        assertThat(wholeTook).as("%d characters took %s of CPU, a hundredth of them %s", length, wholeTook,
                hundredthTook).isLessThanOrEqualTo(bound);
        return plan;
    }

    private record Timed(ParsedPlan plan, Duration took) {
    }

    private Timed parsedOnThisThread(String document) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = threads.getCurrentThreadCpuTime();
        ParsedPlan plan = parser.parse(document, null);
        return new Timed(plan, Duration.ofNanos(threads.getCurrentThreadCpuTime() - started));
    }

    /** What must hold of any result, whatever the document. */
    static void assertSound(ParsedPlan plan) {
        assertThat(plan).isNotNull();
        assertThat(plan.header()).isNotNull();
        assertThat(plan.diagnostics()).filteredOn(d -> d.code().equals("PARSER_FAILURE")).isEmpty();
        assertThat(plan.tasks()).extracting(ParsedTask::code).doesNotHaveDuplicates();
        assertThat(plan.tasks()).allSatisfy(task -> {
            assertThat(task.code()).isNotBlank();
            assertThat(task.category()).isNotNull();
            assertThat(task.section()).isNotNull();
            assertThat(task.title()).isNotNull();
            assertThat(task.description()).isNotNull();
            assertThat(task.leadUnitNames()).isNotNull().doesNotContainNull();
            assertThat(task.coUnitNames()).isNotNull().doesNotContainNull();
            assertThat(task.deadline()).isNotNull();
            assertThat(task.deadline().text()).isNotNull();
            assertThat(task.deadline().kind()).isNotNull();
            assertThat(task.originalText()).isNotNull();
            assertThat(task.line()).isPositive();
        });
        assertThat(plan.diagnostics()).allSatisfy(d -> {
            assertThat(d.severity()).isNotNull();
            assertThat(d.code()).matches("[A-Z_]+");
            assertThat(d.message()).isNotNull();
            assertThat(d.text()).isNotNull();
        });
    }

    private static String repeatToLength(String unit, int length) {
        StringBuilder text = new StringBuilder(length + unit.length());
        while (text.length() < length) {
            text.append(unit);
        }
        return text.toString();
    }
}
