package cn.gov.supervision.tasks.importer;

import cn.gov.supervision.tasks.domain.DeadlineKind;
import cn.gov.supervision.tasks.domain.TaskCategory;
import cn.gov.supervision.tasks.importer.Diagnostic.Severity;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Tables laid out other ways than in the Huzhou plan. */
class TableVariantsTest {

    private final WorkPlanParser parser = new WorkPlanParser();

    @Test
    void alternativeColumnNames() {
        ParsedPlan plan = parser.parse("""
                附件1
                2022年度重点任务清单
                序号 | 工作任务 | 责任单位 | 配合单位 | 时限要求 |
                1 | 做好甲工作。 | 市财政局 | 市审计局、市财政局 | 9月底前 |
                """, 2022);

        assertThat(plan.tasks()).singleElement().satisfies(task -> {
            assertThat(task.code()).isEqualTo("附件1-1");
            assertThat(task.category()).isEqualTo(TaskCategory.KEY_TASK);
            assertThat(task.title()).isEqualTo("做好甲工作。");
            assertThat(task.leadUnitNames()).containsExactly("市财政局");
            assertThat(task.coUnitNames()).containsExactly("市审计局");
            assertThat(task.deadline().dueDate()).isEqualTo(LocalDate.of(2022, 9, 30));
        });
    }

    @Test
    void columnsAreFoundByNameInAnyOrder() {
        ParsedPlan plan = parser.parse("""
                附件2:2022年度五大行动任务清单
                完成时间 | 牵头单位 | 具体要求 | 项目名称 | 序号
                年底前 | 市政府办公室、市 司法局 | 形成工作闭环。 | 规范化提质行动 | 1
                """, 2022);

        assertThat(plan.tasks()).singleElement().satisfies(task -> {
            assertThat(task.code()).isEqualTo("附件2-1");
            assertThat(task.category()).isEqualTo(TaskCategory.ACTION);
            assertThat(task.section()).isEqualTo("附件2 2022年度五大行动任务清单");
            assertThat(task.title()).isEqualTo("规范化提质行动");
            assertThat(task.description()).isEqualTo("形成工作闭环。");
            assertThat(task.leadUnitNames()).containsExactly("市政府办公室", "市司法局");
            assertThat(task.deadline().dueDate()).isEqualTo(LocalDate.of(2022, 12, 31));
        });
    }

    @Test
    void headerCellsWithLostCharactersAndSpacesStillName() {
        ParsedPlan plan = parser.parse("""
                附件3
                序號 | 區 縣 | 項目名??稱 | 任??務 | 完成時限 |
                1 | 南太湖新區 | 甲項目 | 做好甲項目。 | 持續推進 |
                2 | 市本級 | 乙項目 | 做好乙項目。 | 每季度 |
                """, 2022);

        assertThat(plan.tasks()).extracting(ParsedTask::code, ParsedTask::category, ParsedTask::leadUnitNames,
                        task -> task.deadline().kind())
                .containsExactly(
                        tuple("附件3-1", TaskCategory.INNOVATION_PROJECT, List.of("南太湖新区政府"), DeadlineKind.ONGOING),
                        tuple("附件3-2", TaskCategory.INNOVATION_PROJECT, List.of("市本级"), DeadlineKind.RECURRING));
    }

    @Test
    void theListTitleDecidesTheCategoryBeforeTheAttachmentNumber() {
        ParsedPlan plan = parser.parse("""
                附件1
                “一地创新”项目清单
                序号 | 区县 | 项目名称 | 任务 | 完成时限 |
                1 | 德清县 | 甲项目 | 做好甲项目。 | 12月底前 |
                """, 2022);

        assertThat(plan.tasks()).singleElement().satisfies(task -> {
            assertThat(task.category()).isEqualTo(TaskCategory.INNOVATION_PROJECT);
            assertThat(task.leadUnitNames()).containsExactly("德清县政府");
        });
    }

    @Test
    void aTableUnderNoAttachmentHeadingIsNumberedAndCategorizedByItsColumns() {
        ParsedPlan plan = parser.parse("""
                名称 | 目标任务 | 牵头单位 | 完成时限
                甲行动 | 做好甲行动。 | 市财政局 | 全年
                """, 2022);

        assertThat(plan.tasks()).singleElement().satisfies(task -> {
            assertThat(task.code()).isEqualTo("表1-1");
            assertThat(task.section()).isEqualTo("表1");
            assertThat(task.category()).isEqualTo(TaskCategory.ACTION);
            assertThat(task.deadline().kind()).isEqualTo(DeadlineKind.YEAR_ROUND);
        });
    }

    @Test
    void sectionRowsInsideATableFileTheRowsUnderThemAndTheTableGoesOn() {
        ParsedPlan plan = parser.parse("""
                序号 | 重点项目 | 主要内容 | 牵头单位 | 配合单位
                二、实施六大人才行动计划
                (一)产业提升人才行动计划
                2 | 甲项目 | 做好甲项目。 | 市财政局 | 市教育局
                (二)科技创新人才行动计划
                9 | 乙项目 | 做好乙项目。 | 市科协 |
                三、另一张表
                序号 | 工作任务 | 责任单位
                1 | 做好丙工作。 | 市民政局
                """, 2012);

        assertThat(plan.tasks()).extracting(ParsedTask::title, ParsedTask::section).containsExactly(
                tuple("甲项目", "表1 > (一)产业提升人才行动计划"),
                tuple("乙项目", "表1 > (二)科技创新人才行动计划"),
                // a heading followed by a header row of its own ends the table, as before
                tuple("做好丙工作。", "表2"));
    }

    @Test
    void aTextCopyOfAPrintedTableLosesItsPageBreaksDebrisAndJoinsTheCutRow() {
        ParsedPlan plan = parser.parse("""
                序号 | 重点项目 | 主要内容 | 牵头单位 | 配合单位 |
                1 | 甲项目 | 做好甲项目, | 市财政局 | 市教育局 |
                — 1 —
                第 2 页 共 3 页
                序号 | 重点项目 | 主要内容 | 牵头单位 | 配合单位 |
                |  | 并且做完。 |  |  |
                2 | 乙项目 | 做好乙项目。 | 市科协 | 市民政局 |
                - 2 -
                """, 2012);

        assertThat(plan.tasks()).extracting(ParsedTask::title, ParsedTask::description, ParsedTask::leadUnitNames)
                .containsExactly(tuple("甲项目", "做好甲项目,并且做完。", List.of("市财政局")),
                        tuple("乙项目", "做好乙项目。", List.of("市科协")));
        assertThat(plan.diagnostics()).extracting(Diagnostic::code).contains("ROW_CONTINUED")
                .doesNotContain("NO_LEAD_UNIT", "MISSING_CELL");
    }

    @Test
    void oneCellPerLineWithNumberedRows() {
        ParsedPlan plan = parser.parse("""
                附件1
                2022年度重点任务清单
                序号
                工作任务
                责任单位
                时限要求
                1
                做好甲工作。
                市財政局
                9月底前
                2
                做好乙工作。
                市審計局、市稅務局
                年底前
                """, 2022);

        assertThat(plan.tasks()).extracting(ParsedTask::code, ParsedTask::line, ParsedTask::title,
                        ParsedTask::leadUnitNames, task -> task.deadline().dueDate())
                .containsExactly(
                        tuple("附件1-1", 7, "做好甲工作。", List.of("市财政局"), LocalDate.of(2022, 9, 30)),
                        tuple("附件1-2", 11, "做好乙工作。", List.of("市审计局", "市税务局"), LocalDate.of(2022, 12, 31)));
        assertThat(plan.tasks().get(0).originalText()).isEqualTo("1\n做好甲工作。\n市財政局\n9月底前");
        assertThat(problems(plan)).noneMatch(d -> d.severity() != Severity.INFO);
    }

    @Test
    void oneCellPerLineWithAMissingCellDoesNotShiftTheNextRow() {
        ParsedPlan plan = parser.parse("""
                附件1
                序号
                重点任务
                牵头单位
                完成时限
                1
                做好甲工作。
                市财政局
                2
                做好乙工作。
                市审计局
                年底前
                以上任务请各单位认真落实。
                """, 2022);

        assertThat(plan.tasks()).extracting(ParsedTask::code, ParsedTask::leadUnitNames, task -> task.deadline().text())
                .containsExactly(
                        tuple("附件1-1", List.of("市财政局"), ""),
                        tuple("附件1-2", List.of("市审计局"), "年底前"));
        assertThat(plan.diagnostics()).extracting(Diagnostic::line, Diagnostic::code, Diagnostic::severity)
                .contains(tuple(6, "MISSING_CELL", Severity.WARNING), tuple(6, "UNPARSED_DEADLINE", Severity.WARNING));
    }

    @Test
    void oneCellPerLineWithoutNumbersEndsAtABlankLine() {
        ParsedPlan plan = parser.parse("""
                工作任务
                责任单位
                完成时限
                做好甲工作。
                市财政局
                9月底前
                做好乙工作。
                市审计局
                全年

                做好丙工作。
                """, 2022);

        assertThat(plan.tasks()).extracting(ParsedTask::code, ParsedTask::title)
                .containsExactly(tuple("表1-1", "做好甲工作。"), tuple("表1-2", "做好乙工作。"));
    }

    @Test
    void aPipeRowWithMissingCellsGivesWhatItCan() {
        ParsedPlan plan = parser.parse("""
                附件1
                序号 | 重点任务 | 牵头单位 | 完成时限 |
                1 | 做好甲工作。 | 市财政局
                2 | | 市审计局 | 9月底前 |
                3 | 做好丙工作。 | 市税务局 | 9月底前 | 多余 |
                """, 2022);

        assertThat(plan.tasks()).extracting(ParsedTask::code, ParsedTask::title)
                .containsExactly(tuple("附件1-1", "做好甲工作。"), tuple("附件1-2", "做好丙工作。"));
        assertThat(plan.diagnostics()).extracting(Diagnostic::line, Diagnostic::code, Diagnostic::severity)
                .contains(tuple(3, "MISSING_CELL", Severity.WARNING),
                        tuple(3, "UNPARSED_DEADLINE", Severity.WARNING),
                        tuple(4, "MISSING_CELL", Severity.ERROR),
                        tuple(5, "EXTRA_CELL", Severity.WARNING));
    }

    @Test
    void rowsUnderNoRecognizableHeaderAreReportedOnce() {
        ParsedPlan plan = parser.parse("""
                附件1
                序号 | 事项 | 单位 | 时间 |
                1 | 做好甲工作。 | 市财政局 | 9月底前 |
                2 | 做好乙工作。 | 市审计局 | 9月底前 |
                """, 2022);

        assertThat(plan.tasks()).isEmpty();
        assertThat(problems(plan)).extracting(Diagnostic::line, Diagnostic::code, Diagnostic::severity)
                .containsExactly(tuple(0, "NO_TASKS", Severity.ERROR), tuple(3, "UNKNOWN_TABLE", Severity.WARNING));
    }

    @Test
    void aRowWithoutLeadUnitIsKeptAndReported() {
        ParsedPlan plan = parser.parse("""
                重点任务 | 牵头单位 | 完成时限
                做好甲工作。 |  | 9月底前
                """, 2022);

        assertThat(plan.tasks()).singleElement()
                .satisfies(task -> assertThat(task.leadUnitNames()).isEmpty());
        assertThat(problems(plan)).extracting(Diagnostic::line, Diagnostic::code)
                .containsExactly(tuple(2, "NO_LEAD_UNIT"));
    }

    /** What the parser noticed, but that these title-less fragments name no plan title. */
    private static List<Diagnostic> problems(ParsedPlan plan) {
        return plan.diagnostics().stream().filter(d -> !d.code().equals("NO_TITLE")).toList();
    }
}
