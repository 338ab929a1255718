package cn.gov.supervision.tasks.importer;

import cn.gov.supervision.tasks.domain.DeadlineKind;
import cn.gov.supervision.tasks.domain.Recurrence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineParserTest {

    private final DeadlineParser parser = new DeadlineParser();

    @ParameterizedTest(name = "{0} in 2022 → {1}")
    @CsvSource({
            "9月底前, 2022-09-30",
            "12月底前, 2022-12-31",
            "年底前, 2022-12-31",
            "6月30日前, 2022-06-30",
            "上半年, 2022-06-30",
            "下半年, 2022-12-31",
            "三季度末, 2022-09-30",
            "第三季度, 2022-09-30",
            "一季度, 2022-03-31",
            "4月底, 2022-04-30",
            "11月, 2022-11-30",
            "九月底前, 2022-09-30",
            "十二月底前, 2022-12-31",
            "在10月底前完成, 2022-10-31",
            "7月上旬, 2022-07-10",
            "7月下旬, 2022-07-31",
            "2月底前, 2022-02-28",
            "2023年3月底前, 2023-03-31",
            "2023年底前, 2023-12-31",
            "2023年6月30日, 2023-06-30",
            "2022-11-15, 2022-11-15",
            "'９月底前', 2022-09-30",
    })
    void datesRelativeToThePlanYear(String text, LocalDate due) {
        assertThat(parser.parse(text, 2022)).isEqualTo(new ParsedDeadline(text, DeadlineKind.DATE, due, null));
    }

    @ParameterizedTest(name = "traditional {0}")
    @CsvSource({
            "9月底前, 2022-09-30",
            "年底前, 2022-12-31",
            "下半年, 2022-12-31",
            "第三季度末, 2022-09-30",
    })
    void traditionalCharactersAreUnderstood(String text, LocalDate due) {
        assertThat(parser.parse(text, 2022).dueDate()).isEqualTo(due);
    }

    @Test
    void monthEndsRespectMonthLengthsAndLeapYears() {
        assertThat(parser.parse("2月底前", 2024).dueDate()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(parser.parse("2月底前", 2023).dueDate()).isEqualTo(LocalDate.of(2023, 2, 28));
        assertThat(parser.parse("4月底前", 2023).dueDate()).isEqualTo(LocalDate.of(2023, 4, 30));
        assertThat(parser.parse("2024年2月底", 2022).dueDate()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void theWholeYearIsDueAtItsEnd() {
        assertThat(parser.parse("全年", 2022))
                .isEqualTo(new ParsedDeadline("全年", DeadlineKind.YEAR_ROUND, LocalDate.of(2022, 12, 31), null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"持续推进", "长期坚持", "長期堅持", "持續推進", "常态化推进"})
    void ongoingWorkIsNeverDue(String text) {
        assertThat(parser.parse(text, 2022)).isEqualTo(new ParsedDeadline(text, DeadlineKind.ONGOING, null, null));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "按月, MONTHLY",
            "每月, MONTHLY",
            "每月底前报送, MONTHLY",
            "每季度, QUARTERLY",
            "按季度, QUARTERLY",
            "每年, ANNUAL",
    })
    void periodicWorkRecurs(String text, Recurrence recurrence) {
        assertThat(parser.parse(text, 2022))
                .isEqualTo(new ParsedDeadline(text, DeadlineKind.RECURRING, null, recurrence));
    }

    @ParameterizedTest
    @ValueSource(strings = {"尽快", "13月底前", "2月30日前", "0月底", "6月底前完成初稿,12月底前完成",
            "按照省里统一部署", " "})
    void anythingElseIsNotUnderstoodAndKeepsItsText(String text) {
        assertThat(parser.parse(text, 2022)).isEqualTo(new ParsedDeadline(text, DeadlineKind.NONE, null, null));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noTextIsNotUnderstoodAndKeepsAnEmptyText(String text) {
        assertThat(parser.parse(text, 2022)).isEqualTo(new ParsedDeadline("", DeadlineKind.NONE, null, null));
    }

    @Test
    void proseInTheDeadlineColumnIsNotReadForDates() {
        String prose = "9月底前完成初步方案,随后根据省里要求持续推进并在年底前完成全部验收和总结工作";

        assertThat(parser.parse(prose, 2022).kind()).isEqualTo(DeadlineKind.NONE);
    }

    @Test
    void theTextIsKeptExactlyAsWritten() {
        assertThat(parser.parse(" 9月底前 ", 2022).text()).isEqualTo(" 9月底前 ");
    }

    @Test
    void withoutAPlanYearOnlyFormsThatNeedNoneAreUnderstood() {
        assertThat(parser.parse("9月底前", (Integer) null).kind()).isEqualTo(DeadlineKind.NONE);
        assertThat(parser.parse("全年", (Integer) null).kind()).isEqualTo(DeadlineKind.NONE);
        assertThat(parser.parse("2023年3月底前", (Integer) null).dueDate()).isEqualTo(LocalDate.of(2023, 3, 31));
        assertThat(parser.parse("持续推进", (Integer) null).kind()).isEqualTo(DeadlineKind.ONGOING);
    }

    @Test
    void theCallerCanReportWhatWasNotUnderstood() {
        ParsedPlan plan = new WorkPlanParser().parse("""
                2022年全市政务公开工作要点
                附件1
                重点任务清单
                序号 | 重点任务 | 牵头单位 | 完成时限 |
                1 | 做好甲工作。 | 市财政局 | 尽快 |
                """, null);

        assertThat(plan.tasks()).singleElement()
                .satisfies(task -> assertThat(task.deadline()).isEqualTo(ParsedDeadline.none("尽快")));
        assertThat(plan.diagnostics()).filteredOn(d -> d.code().equals("UNPARSED_DEADLINE")).singleElement()
                .satisfies(d -> {
                    assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
                    assertThat(d.line()).isEqualTo(5);
                    assertThat(d.text()).isEqualTo("尽快");
                    assertThat(d.message()).contains("\"尽快\"");
                });
    }
}
