package cn.gov.supervision.tasks.importer;

import cn.gov.supervision.tasks.domain.DeadlineKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderReaderTest {

    private final WorkPlanParser parser = new WorkPlanParser();

    @Test
    void aTitleLineIsTakenAsWritten() {
        PlanHeader header = parser.parse("""
                湖州市2023年政務公開工作要點
                一、總體要求
                """, null).header();

        assertThat(header.title()).isEqualTo("湖州市2023年政务公开工作要点");
        assertThat(header.year()).isEqualTo(2023);
    }

    @Test
    void aNoticeOfIssueGivesTheTitle() {
        PlanHeader header = parser.parse("湖州市人民政府办公室关于印发《2023年全市政务公开工作要点》的通知\n", null).header();

        assertThat(header.title()).isEqualTo("2023年全市政务公开工作要点");
    }

    @Test
    void labelsAndValuesMayShareACellOrALine() {
        PlanHeader header = parser.parse("""
                | 索引號：330500/2021-00001 | 發布機構:湖州市人民政府辦公室 |
                成文日期：2021年3月5日
                """, null).header();

        assertThat(header).isEqualTo(new PlanHeader(null, 2021, "湖州市人民政府办公室", "330500/2021-00001",
                LocalDate.of(2021, 3, 5)));
    }

    @Test
    void withoutATitleTheYearComesFromTheDateAndTheMissingTitleIsReported() {
        ParsedPlan plan = parser.parse("""
                | 成文日期: | 2021-03-05 |
                重点任务 | 牵头单位 | 完成时限
                做好甲工作。 | 市财政局 | 9月底前
                """, null);

        assertThat(plan.header().year()).isEqualTo(2021);
        assertThat(plan.tasks().get(0).deadline().dueDate()).isEqualTo(LocalDate.of(2021, 9, 30));
        assertThat(plan.diagnostics()).extracting(Diagnostic::code).contains("NO_TITLE");
    }

    @Test
    void withoutAnyYearRelativeDeadlinesStayUndated() {
        ParsedPlan plan = parser.parse("""
                重点任务 | 牵头单位 | 完成时限
                做好甲工作。 | 市财政局 | 9月底前
                做好乙工作。 | 市财政局 | 2023年3月底前
                """, null);

        assertThat(plan.header().year()).isNull();
        assertThat(plan.tasks()).extracting(task -> task.deadline().kind())
                .containsExactly(DeadlineKind.NONE, DeadlineKind.DATE);
        assertThat(plan.diagnostics()).extracting(Diagnostic::code).contains("NO_PLAN_YEAR", "UNPARSED_DEADLINE");
    }

    @Test
    void anUnreadableDateIsReported() {
        ParsedPlan plan = parser.parse("| 成文日期: | 2022-13-45 |\n", null);

        assertThat(plan.header().publishedOn()).isNull();
        assertThat(plan.diagnostics()).extracting(Diagnostic::code).contains("UNREADABLE_DATE");
    }
}
