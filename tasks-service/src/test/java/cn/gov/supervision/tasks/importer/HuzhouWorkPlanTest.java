package cn.gov.supervision.tasks.importer;

import cn.gov.supervision.tasks.domain.TaskCategory;
import cn.gov.supervision.tasks.importer.Diagnostic.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The whole Huzhou document, as published, without hand-editing. */
class HuzhouWorkPlanTest {

    private static ParsedPlan plan;

    @BeforeAll
    static void parse() {
        plan = new WorkPlanParser().parse(Documents.huzhou(), null);
    }

    @Test
    void findsEveryTaskOfEveryKind() {
        Map<TaskCategory, Long> counts = plan.tasks().stream()
                .collect(Collectors.groupingBy(ParsedTask::category, Collectors.counting()));

        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                TaskCategory.KEY_TASK, 25L,
                TaskCategory.ACTION, 5L,
                TaskCategory.INNOVATION_PROJECT, 5L,
                TaskCategory.WORK_POINT, 25L));
    }

    @Test
    void reportsNoError() {
        assertThat(plan.diagnostics()).noneMatch(d -> d.severity() == Severity.ERROR);
    }

    @Test
    void readsTheHeaderByLabelAndDerivesTheTitle() {
        assertThat(plan.header()).isEqualTo(new PlanHeader("2022年全市政务公开工作要点", 2022, "安吉县人民政府",
                "330523/2022-06006", LocalDate.of(2022, 7, 21)));
    }

    @Test
    void yearOverrideWins() {
        ParsedPlan overridden = new WorkPlanParser().parse(Documents.huzhou(), 2023);

        assertThat(overridden.header().year()).isEqualTo(2023);
        assertThat(task(overridden, "附件1-4").deadline().dueDate()).isEqualTo(LocalDate.of(2023, 9, 30));
    }

    @Test
    void codesAreUniqueAndTasksInDocumentOrder() {
        assertThat(plan.tasks()).extracting(ParsedTask::code).doesNotHaveDuplicates();
        assertThat(plan.tasks()).extracting(ParsedTask::line).isSorted();
    }

    @Test
    void reportsTheLostCharactersOfTwoHeaderRows() {
        assertThat(plan.diagnostics()).filteredOn(d -> d.code().equals("LOST_CHARACTERS"))
                .extracting(Diagnostic::line, Diagnostic::severity)
                .containsExactly(tuple(58, Severity.INFO),
                        tuple(66, Severity.INFO));
    }

    @Test
    void reportsTheCoResponsibilityRuleOnce() {
        assertThat(plan.diagnostics()).filteredOn(d -> d.code().equals("CO_RESPONSIBILITY_RULE"))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.line()).isEqualTo(8);
                    assertThat(d.severity()).isEqualTo(Severity.INFO);
                    assertThat(d.message()).contains("各区县政府");
                });
    }

    @Test
    void tableRowsKeepTheirSourceAndAreStoredSimplified() {
        ParsedTask row = task(plan, "附件1-17");

        assertThat(row.originalText())
                .isEqualTo("17 | 完善重大行政決策 事項目錄編制和公開機制。 | 市政府辦公室、市 司法局、市級有關(guān)部門 | 全年 |");
        assertThat(row.line()).isEqualTo(47);
        assertThat(row.title()).isEqualTo("完善重大行政决策 事项目录编制和公开机制。");
        assertThat(row.description()).isEqualTo(row.title());
        assertThat(row.section()).isEqualTo("附件1 2022年度全市政务公开工作重点任务清单");
    }

    @Test
    void actionsAndProjectsTakeTitleAndDescriptionFromTheirColumns() {
        ParsedTask action = task(plan, "附件2-2");
        assertThat(action.title()).isEqualTo("惠企政策信息精准推送行动");
        assertThat(action.description()).isEqualTo("完成市级“5+4政策包”政策最小颗粒度拆解,形成政策分类、政策直达及政策落地“三张清单”。");
        assertThat(action.section()).isEqualTo("附件2 2022年度政务公开质效提升五大行动任务清单");

        ParsedTask project = task(plan, "附件3-4");
        assertThat(project.title()).isEqualTo("依申请公开数字化办理项目");
        assertThat(project.description()).isEqualTo("建设长兴县政府信息公开依申请办理系统。");
        assertThat(project.section()).isEqualTo("附件3 2022年度政务公开“一地创新 全市共享”项目清单");
    }

    @Test
    void parsesWellUnderOneHundredMillisecondsAfterWarmUp() {
        WorkPlanParser parser = new WorkPlanParser();
        String document = Documents.huzhou();
        for (int i = 0; i < 10; i++) {
            parser.parse(document, null);
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            parser.parse(document, null);
            best = Math.min(best, System.nanoTime() - start);
        }
        assertThat(best / 1_000_000).isLessThan(100);
    }

    static ParsedTask task(ParsedPlan plan, String code) {
        Map<String, ParsedTask> byCode = plan.tasks().stream()
                .collect(Collectors.toMap(ParsedTask::code, Function.identity()));
        assertThat(byCode).containsKey(code);
        return byCode.get(code);
    }
}
