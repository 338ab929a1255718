package cn.gov.supervision.tasks.importer;

import cn.gov.supervision.tasks.domain.DeadlineKind;
import cn.gov.supervision.tasks.domain.TaskCategory;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.gov.supervision.tasks.domain.DeadlineKind.DATE;
import static cn.gov.supervision.tasks.domain.DeadlineKind.YEAR_ROUND;
import static org.assertj.core.api.Assertions.assertThat;

/** Every row of the Huzhou plan's three attachments, written out from the document by hand. */
class HuzhouTablesTest {

    /** What is asserted of each row. */
    record Row(String code, List<String> leads, DeadlineKind kind, LocalDate due) {
    }

    private static Row row(String code, DeadlineKind kind, String due, String... leads) {
        return new Row(code, List.of(leads), kind, LocalDate.parse(due));
    }

    private static final List<Row> KEY_TASKS = List.of(
            row("附件1-1", YEAR_ROUND, "2022-12-31", "市发展改革委"),
            row("附件1-2", YEAR_ROUND, "2022-12-31", "市发展改革委"),
            row("附件1-3", DATE, "2022-12-31", "市财政局"),
            row("附件1-4", DATE, "2022-09-30", "市发展改革委", "市建设局", "市委改革办(市政务办)"),
            row("附件1-5", YEAR_ROUND, "2022-12-31", "市市场监管局"),
            row("附件1-6", DATE, "2022-10-31", "市税务局"),
            row("附件1-7", YEAR_ROUND, "2022-12-31", "市政府办公室"),
            row("附件1-8", YEAR_ROUND, "2022-12-31", "市人力社保局"),
            row("附件1-9", DATE, "2022-09-30", "市政府办公室", "市教育局", "市卫生健康委", "市建设局", "市生态环境局",
                    "市交通运输局", "国网湖州供电公司"),
            row("附件1-10", YEAR_ROUND, "2022-12-31", "市卫生健康委", "市新闻传媒中心"),
            row("附件1-11", DATE, "2022-10-31", "市政府办公室", "市经信局", "市大数据局"),
            row("附件1-12", YEAR_ROUND, "2022-12-31", "市政府办公室", "市经信局", "市新闻传媒中心"),
            row("附件1-13", DATE, "2022-09-30", "市政府办公室", "市信访局"),
            row("附件1-14", DATE, "2022-06-30", "长兴县政府", "市级各部门"),
            row("附件1-15", DATE, "2022-06-30", "市司法局"),
            row("附件1-16", YEAR_ROUND, "2022-12-31", "市政府办公室", "市委改革办(市政务办)", "市大数据局"),
            row("附件1-17", YEAR_ROUND, "2022-12-31", "市政府办公室", "市司法局", "市级有关部门"),
            row("附件1-18", YEAR_ROUND, "2022-12-31", "市大数据局"),
            row("附件1-19", DATE, "2022-06-30", "各区县政府"),
            row("附件1-20", DATE, "2022-07-31", "各区县政府"),
            row("附件1-21", DATE, "2022-12-31", "各区县政府"),
            row("附件1-22", DATE, "2022-12-31", "安吉县政府", "市自然资源和规划局"),
            row("附件1-23", YEAR_ROUND, "2022-12-31", "各区县政府"),
            row("附件1-24", DATE, "2022-10-31", "吴兴区政府"),
            row("附件1-25", DATE, "2022-12-31", "市大数据局"));

    private static final List<Row> ACTIONS = List.of(
            row("附件2-1", DATE, "2022-09-30", "市政府办公室", "市教育局", "市生态环境局", "市建设局", "市卫生健康委",
                    "市交通运输局", "国网湖州供电公司"),
            row("附件2-2", DATE, "2022-10-31", "市政府办公室", "市经信局"),
            row("附件2-3", DATE, "2022-09-30", "市政府办公室", "市委改革办(市政务办)"),
            row("附件2-4", DATE, "2022-11-30", "市政府办公室", "市信访局"),
            row("附件2-5", YEAR_ROUND, "2022-12-31", "市政府办公室", "市司法局"));

    private static final List<Row> PROJECTS = List.of(
            row("附件3-1", DATE, "2022-12-31", "吴兴区政府"),
            row("附件3-2", DATE, "2022-11-30", "南浔区政府"),
            row("附件3-3", DATE, "2022-12-31", "德清县政府"),
            row("附件3-4", DATE, "2022-12-31", "长兴县政府"),
            row("附件3-5", DATE, "2022-11-30", "安吉县政府"));

    private final ParsedPlan plan = new WorkPlanParser().parse(Documents.huzhou(), null);

    @Test
    void keyTasks() {
        assertThat(rows(TaskCategory.KEY_TASK)).containsExactlyElementsOf(KEY_TASKS);
    }

    @Test
    void actions() {
        assertThat(rows(TaskCategory.ACTION)).containsExactlyElementsOf(ACTIONS);
    }

    @Test
    void innovationProjects() {
        assertThat(rows(TaskCategory.INNOVATION_PROJECT)).containsExactlyElementsOf(PROJECTS);
    }

    @Test
    void tableRowsNameNoCoResponsibleUnitAndKeepTheirDeadlineText() {
        List<ParsedTask> tableRows = plan.tasks().stream()
                .filter(task -> task.category() != TaskCategory.WORK_POINT).toList();

        assertThat(tableRows).hasSize(35).allSatisfy(task -> {
            assertThat(task.coUnitNames()).isEmpty();
            assertThat(task.originalText()).endsWith(" | " + task.deadline().text() + " |");
        });
    }

    private List<Row> rows(TaskCategory category) {
        return plan.tasks().stream().filter(task -> task.category() == category)
                .map(task -> new Row(task.code(), task.leadUnitNames(), task.deadline().kind(),
                        task.deadline().dueDate()))
                .toList();
    }
}
