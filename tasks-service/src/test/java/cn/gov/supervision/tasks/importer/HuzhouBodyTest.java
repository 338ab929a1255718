package cn.gov.supervision.tasks.importer;

import cn.gov.supervision.tasks.domain.DeadlineKind;
import cn.gov.supervision.tasks.domain.TaskCategory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The clauses of the Huzhou plan's body that end with (牵头单位:…). */
class HuzhouBodyTest {

    private final ParsedPlan plan = new WorkPlanParser().parse(Documents.huzhou(), null);
    private final List<ParsedTask> clauses = plan.tasks().stream()
            .filter(task -> task.category() == TaskCategory.WORK_POINT).toList();

    @Test
    void everyClauseInOrderWithItsLeadUnits() {
        assertThat(clauses).extracting(task -> entry(task.code(), task.leadUnitNames())).containsExactly(
                entry("(一)-1", List.of("市发展改革委", "各区县政府")),
                entry("(一)-2", List.of("市财政局")),
                entry("(二)-1", List.of("市发展改革委", "市建设局", "市委改革办﹝市政务办﹞")),
                entry("(二)-2", List.of("市市场监管局")),
                entry("(二)-3", List.of("市税务局")),
                entry("(三)-1", List.of("市政府办公室")),
                entry("(三)-2", List.of("市人力社保局")),
                entry("(三)-3", List.of("市政府办公室", "市教育局", "市卫生健康委", "市建设局", "市生态环境局",
                        "市交通运输局", "国网湖州供电公司")),
                entry("(四)-1", List.of("市卫生健康委", "市新闻传媒中心")),
                entry("(五)-1", List.of("市政府办公室", "市经信局", "市新闻传媒中心", "市大数据局")),
                entry("(六)-1", List.of("市政府办公室", "市信访局")),
                entry("(六)-2", List.of("市委网信办")),
                entry("(七)-1", List.of("长兴县政府", "市级各部门")),
                entry("(七)-2", List.of("市司法局")),
                entry("(七)-3", List.of("市政府办公室", "市司法局")),
                entry("(八)-1", List.of("市政府办公室", "市委改革办﹝市政务办﹞", "市大数据局")),
                entry("(九)-1", List.of("市政府办公室", "市司法局", "市级有关部门")),
                entry("(九)-2", List.of("市级各部门")),
                entry("(十)-1", List.of("市大数据局")),
                entry("(十)-2", List.of("市政府办公室", "各区县政府")),
                entry("(十一)-1", List.of("各区县政府")),
                entry("(十一)-2", List.of("安吉县政府", "市自然资源和规划局")),
                entry("(十一)-3", List.of("各区县政府")),
                entry("(十一)-4", List.of("吴兴区政府")),
                entry("(十二)-1", List.of("市大数据局")));
    }

    @Test
    void theRuleStatedInTheFirstClauseMakesTheDistrictsCoResponsibleForEveryLaterOne() {
        assertThat(clauses.get(0).coUnitNames()).isEmpty();
        assertThat(clauses.subList(1, clauses.size())).allSatisfy(clause -> {
            if (clause.leadUnitNames().contains("各区县政府")) {
                assertThat(clause.coUnitNames()).isEmpty();
            } else {
                assertThat(clause.coUnitNames()).containsExactly("各区县政府");
            }
        });
    }

    @Test
    void theRuleDoesNotReachTheTables() {
        assertThat(plan.tasks()).filteredOn(task -> task.category() != TaskCategory.WORK_POINT)
                .allSatisfy(row -> assertThat(row.coUnitNames()).isEmpty());
    }

    @Test
    void itemsWithoutLeadUnitsGiveNoTask() {
        assertThat(plan.tasks()).extracting(ParsedTask::code)
                .noneMatch(code -> code.startsWith("(十三)") || code.startsWith("(十四)"));
    }

    @Test
    void aClauseIsFiledUnderItsSectionAndItemAndTitledByItsFirstSentence() {
        ParsedTask first = clauses.get(0);

        assertThat(first.section()).isEqualTo("一、围绕服务中心大局,深化主动公开 > (一)聚焦加快共同富裕建设提升公开水平");
        assertThat(first.line()).isEqualTo(8);
        assertThat(first.title()).hasSize(60).endsWith("…")
                .startsWith("高水平做好共同富裕领域信息公开工作,助力开好“共富班车”");
        assertThat(first.description())
                .startsWith("高水平做好共同富裕领域信息公开工作")
                .endsWith("探索建立重大项目全流程闭环公开新模式,积极引导市场预期。")
                .doesNotContain("牵头单位", "聚焦加快共同富裕建设提升公开水平");
        assertThat(first.deadline()).isEqualTo(new ParsedDeadline("", DeadlineKind.NONE, null, null));
    }

    @Test
    void aShortFirstSentenceIsTheWholeTitle() {
        ParsedTask clause = clauses.stream().filter(task -> task.code().equals("(六)-2")).findFirst().orElseThrow();

        assertThat(clause.title()).isEqualTo("加强政务舆情监测和风险研判,前瞻性做好引导工作,为经济社会发展营造良好氛围");
        assertThat(clause.section()).isEqualTo("二、围绕企业群众所需所盼,优化公开服务 > (六)精准回应社会关切");
    }

    @Test
    void theOriginalTextIsTheClauseAsPublishedWithItsPinyinAndUnitNote() {
        ParsedTask clause = clauses.stream().filter(task -> task.code().equals("(十一)-4")).findFirst().orElseThrow();

        assertThat(clause.originalText()).isEqualTo("以吳興區(qū)為試點,持續(xù)推進村(居)政務(wù)公開標準化建設(shè),"
                + "集成提供信息查詢、政策解讀、政務(wù)服務(wù)等功能,打通政務(wù)公開服務(wù)群眾“最后一公里”。"
                + "(牽頭單位:吳興區(qū)政府)");
        assertThat(clause.description()).isEqualTo("以吴兴区为试点,持续推进村(居)政务公开标准化建设,"
                + "集成提供信息查询、政策解读、政务服务等功能,打通政务公开服务群众“最后一公里”。");
    }

    @Test
    void everyItemNumbersItsClausesFromOne() {
        Map<String, Long> perItem = clauses.stream().collect(Collectors.groupingBy(
                task -> task.code().substring(0, task.code().indexOf('-')), Collectors.counting()));

        assertThat(perItem).containsEntry("(一)", 2L).containsEntry("(二)", 3L).containsEntry("(十一)", 4L)
                .hasSize(12);
    }
}
