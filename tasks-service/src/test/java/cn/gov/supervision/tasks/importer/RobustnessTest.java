package cn.gov.supervision.tasks.importer;

import cn.gov.supervision.tasks.domain.TaskCategory;
import cn.gov.supervision.tasks.importer.Diagnostic.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Whatever the text, parse returns: the result says what was found, the diagnostics what was not. */
class RobustnessTest {

    private static final int TWENTY_MEGABYTES = 20 * 1024 * 1024;
    private static final int ONE_MEGABYTE = 1024 * 1024;

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
    void twentyMegabytesOfRealPlanFinishInAFewSecondsAndStopTakingTasksAtTheLimit() {
        String document = repeatToLength(Documents.huzhou(), TWENTY_MEGABYTES);

        ParsedPlan plan = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> parser.parse(document, null));

        assertThat(plan.tasks()).hasSize(TaskCollector.MOST_TASKS);
        assertThat(plan.diagnostics()).extracting(Diagnostic::code).contains("TOO_MANY_TASKS");
        assertSound(plan);
    }

    @Test
    void twentyMegabytesOnOneLineFinishInAFewSeconds() {
        String sentence = "推進(jìn)政務(wù)公開標準化建設(shè),打通服務(wù)群眾“最后一公里”(居)。";
        String document = "(一)甲項。" + repeatToLength(sentence, TWENTY_MEGABYTES) + "(牽頭單位:市政府辦公室)";

        ParsedPlan plan = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> parser.parse(document, null));

        assertThat(plan.tasks()).singleElement().satisfies(task -> {
            assertThat(task.leadUnitNames()).containsExactly("市政府办公室");
            assertThat(task.originalText()).hasSize(document.length() - "(一)甲項。".length());
            assertThat(task.description()).hasSizeLessThanOrEqualTo(TextForms.LONGEST_CONVERTED);
        });
        assertThat(plan.diagnostics()).extracting(Diagnostic::code).contains("LONG_TEXT");
    }

    @Test
    void twentyMegabytesOfShortLinesFinishInAFewSeconds() {
        Random random = new Random(7);
        String words = "政务公开工作市区县单位任务号序名称时限甲乙丙";
        StringBuilder document = new StringBuilder(TWENTY_MEGABYTES + 16);
        while (document.length() < TWENTY_MEGABYTES) {
            for (int i = random.nextInt(6); i >= 0; i--) {
                document.append(words.charAt(random.nextInt(words.length())));
            }
            document.append('\n');
        }

        assertSound(assertTimeoutPreemptively(Duration.ofSeconds(15), () -> parser.parse(document.toString(), null)));
    }

    @Test
    void twentyMegabytesOfUnitNotesWithoutTasksFinishInAFewSeconds() {
        String document = repeatToLength("(牽頭單位:市財政局)", TWENTY_MEGABYTES);

        ParsedPlan plan = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> parser.parse(document, null));

        assertThat(plan.tasks()).isEmpty();
        assertThat(plan.diagnostics()).extracting(Diagnostic::code).contains("EMPTY_CLAUSE", "NO_TASKS");
        assertSound(plan);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(", ")", "((((((((牵头单位:", "(牵头单位:", "(牽頭單(dān)位:市", "發(fā)", "|", "| 序号 |",
        "一、", "(一)", "附件1\n", "序号\n重点任务\n牵头单位\n", "1\n", "?", "以下责任单位均", "﹝含", "\n", "牵头单位:(",
        "9月底前 | "})
    void megabyteLinesOfOnePatternFinishQuickly(String pattern) {
        String document = "(一)甲項。" + repeatToLength(pattern, ONE_MEGABYTE) + "(牵头单位:市财政局)";

        assertSound(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> parser.parse(document, null)));
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
