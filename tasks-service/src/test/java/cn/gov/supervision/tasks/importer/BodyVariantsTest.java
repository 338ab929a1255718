package cn.gov.supervision.tasks.importer;

import cn.gov.supervision.tasks.domain.TaskCategory;
import cn.gov.supervision.tasks.importer.Diagnostic.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Body clauses written other ways than in the Huzhou plan. */
class BodyVariantsTest {

    private final WorkPlanParser parser = new WorkPlanParser();

    @Test
    void pinyinIsRemovedButRealParenthesesStay() {
        ParsedPlan plan = parser.parse("""
                一、總體要求
                (一)推進(jìn)發(fā)展。做好村(居)公開工作,發(fā)展經(jīng)濟。(牽頭單位:市發(fā)展改革委)
                """, 2022);

        assertThat(plan.tasks()).singleElement().satisfies(task -> {
            assertThat(task.description()).isEqualTo("做好村(居)公开工作,发展经济。");
            assertThat(task.leadUnitNames()).containsExactly("市发展改革委");
            assertThat(task.section()).isEqualTo("一、总体要求 > (一)推进发展");
            assertThat(task.originalText()).isEqualTo("做好村(居)公開工作,發(fā)展經(jīng)濟。(牽頭單位:市發(fā)展改革委)");
        });
    }

    @Test
    void leadAndResponsibleUnitsGivenTogether() {
        ParsedPlan plan = parser.parse("""
                (一)做好甲工作。推进甲事项。(牵头单位:市财政局、市税务局;责任单位:市 司法局,各区县政府)
                """, 2022);

        assertThat(plan.tasks()).singleElement().satisfies(task -> {
            assertThat(task.leadUnitNames()).containsExactly("市财政局", "市税务局");
            assertThat(task.coUnitNames()).containsExactly("市司法局", "各区县政府");
        });
    }

    @Test
    void aKindOfPlaceAfterAnEachNameSharesItsEachAndAReferenceToOtherLeadsIsNoUnit() {
        ParsedPlan plan = parser.parse("""
                2.人才公寓。筹集建设人才公寓。（牵头单位：市住房保障办，配合单位：市规划局、市国土房管局，各区、县级市）
                3.加强组织领导。制定实施细则。（牵头单位：市委组织部，配合单位：各项目牵头单位，各有关区、县级市）
                4.县里的事。各县、市、区落实。（责任单位：各县、市、区，市财政局、县）
                """, 2012);

        assertThat(plan.tasks()).extracting(ParsedTask::leadUnitNames, ParsedTask::coUnitNames).containsExactly(
                tuple(List.of("市住房保障办"), List.of("市规划局", "市国土房管局", "各区、县级市")),
                // 各项目牵头单位 names the leads of the other items: no unit to resolve or create
                tuple(List.of("市委组织部"), List.of("各有关区、县级市")),
                // only after a name starting with 各: 市财政局、县 stays two names
                tuple(List.of("各县、市、区", "市财政局", "县"), List.of()));
    }

    @Test
    void responsibleUnitsAloneAreTheLeads() {
        ParsedPlan plan = parser.parse("(一)做好甲工作。推进甲事项。（责任单位：市财政局，市税务局）", 2022);

        assertThat(plan.tasks()).singleElement()
                .satisfies(task -> assertThat(task.leadUnitNames()).containsExactly("市财政局", "市税务局"));
    }

    @Test
    void aDocumentSayingTheFirstListedUnitLeadsHasItLeadExceptWhereEachLeads() {
        String items = """
                1.固定资产投资增长10%%。
                责任单位:市发改委、市经信局、市科技局%s
                2.城乡居民收入增速保持全省领先。
                责任单位:市人力社保局、市农业农村局分别牵头
                3.实施招商引资行动。
                责任单位:市双招双引办、市发改委,各县(市、区)政府
                """;
        ParsedPlan lishui = parser.parse(items.formatted("(除标注“分别牵头”外,列第一位为牵头或汇总单位,下同)"), 2023);
        assertThat(lishui.tasks()).extracting(ParsedTask::leadUnitNames, ParsedTask::coUnitNames).containsExactly(
                tuple(List.of("市发改委"), List.of("市经信局", "市科技局")),
                tuple(List.of("市人力社保局", "市农业农村局"), List.of()),
                tuple(List.of("市双招双引办"), List.of("市发改委", "各县(市、区)政府")));

        ParsedPlan hangzhou = parser.parse("二、责任分解中,列第一位的责任单位为牵头单位或汇总单位。\n"
                + items.formatted(""), 2020);
        assertThat(hangzhou.tasks()).extracting(ParsedTask::leadUnitNames).containsExactly(List.of("市发改委"),
                List.of("市人力社保局", "市农业农村局"), List.of("市双招双引办"));

        ParsedPlan withoutTheRule = parser.parse(items.formatted(""), 2023);
        assertThat(withoutTheRule.tasks()).extracting(ParsedTask::leadUnitNames).containsExactly(
                List.of("市发改委", "市经信局", "市科技局"), List.of("市人力社保局", "市农业农村局"),
                List.of("市双招双引办", "市发改委", "各县(市、区)政府"));
    }

    @Test
    void notesSideBySideAreReadTogether() {
        ParsedPlan plan = parser.parse("(一)做好甲工作。推进甲事项。(牵头单位:市财政局)(配合单位:市审计局、市财政局)",
                2022);

        assertThat(plan.tasks()).singleElement().satisfies(task -> {
            assertThat(task.leadUnitNames()).containsExactly("市财政局");
            assertThat(task.coUnitNames()).containsExactly("市审计局");
        });
    }

    @Test
    void aliasesKeepTheirBracketsAndNotesAreDropped() {
        ParsedPlan plan = parser.parse("(一)做好甲工作。推进甲事项。"
                + "(牵头单位:市委改革办﹝市政务办﹞,各区县政府﹝含南太湖新区管委会,下同﹞、市级各部门【含垂管单位】)", 2022);

        assertThat(plan.tasks()).singleElement().satisfies(task -> assertThat(task.leadUnitNames())
                .containsExactly("市委改革办﹝市政务办﹞", "各区县政府", "市级各部门"));
    }

    @Test
    void aRuleForLaterClausesCoversSeveralUnitsAndEveryLaterItem() {
        ParsedPlan plan = parser.parse("""
                一、甲
                (一)甲项。推进甲事项。(牵头单位:市财政局,以下责任单位均包含各区县政府、市级各部门)
                二、乙
                (二)乙项。推进乙事项。(牵头单位:市级各部门)
                """, 2022);

        assertThat(plan.tasks()).extracting(ParsedTask::coUnitNames)
                .containsExactly(List.of(), List.of("各区县政府"));
        assertThat(plan.diagnostics()).filteredOn(d -> d.code().equals("CO_RESPONSIBILITY_RULE"))
                .singleElement().extracting(Diagnostic::severity).isEqualTo(Severity.INFO);
    }

    @Test
    void anItemWhoseOnlySentenceIsItsHeadingIsOneClause() {
        ParsedPlan plan = parser.parse("(十五)做好政务公开培训工作。(牵头单位:市政府办公室)", 2022);

        assertThat(plan.tasks()).singleElement().satisfies(task -> {
            assertThat(task.code()).isEqualTo("(十五)-1");
            assertThat(task.title()).isEqualTo("做好政务公开培训工作");
            assertThat(task.description()).isEqualTo("做好政务公开培训工作。");
            assertThat(task.section()).isEqualTo("(十五)做好政务公开培训工作");
        });
    }

    @Test
    void clausesMaySpanLinesAndSitOutsideItems() {
        ParsedPlan plan = parser.parse("""
                2022年某县政务公开工作要点
                一、深化主动公开
                推进甲事项,
                做好甲工作。(牵头单位:县财政局)
                (一)乙项
                推进乙事项。(牵头单位:县审计局)
                """, null);

        assertThat(plan.tasks()).extracting(ParsedTask::code, ParsedTask::line, ParsedTask::section)
                .containsExactly(
                        tuple("一-1", 3, "一、深化主动公开"),
                        tuple("(一)-1", 6, "一、深化主动公开 > (一)乙项"));
        assertThat(plan.tasks().get(0).originalText()).isEqualTo("推进甲事项,\n做好甲工作。(牵头单位:县财政局)");
        assertThat(plan.tasks().get(0).description()).isEqualTo("推进甲事项, 做好甲工作。");
    }

    @Test
    void aVeryLongFirstSentenceIsShortenedForTheTitle() {
        String sentence = "推进" + "政务公开".repeat(30);
        ParsedPlan plan = parser.parse("(一)甲项。" + sentence + "。(牵头单位:市财政局)", 2022);

        assertThat(plan.tasks()).singleElement().satisfies(task -> {
            assertThat(task.title()).hasSize(60).endsWith("…").startsWith("推进政务公开");
            assertThat(task.description()).isEqualTo(sentence + "。");
        });
    }

    @Test
    void aUnitNoteThatNamesNoUnitIsReported() {
        ParsedPlan plan = parser.parse("(一)甲项。推进甲事项。(牵头单位:)", 2022);

        assertThat(plan.tasks()).singleElement()
                .satisfies(task -> assertThat(task.leadUnitNames()).isEmpty());
        assertThat(plan.diagnostics()).extracting(Diagnostic::code, Diagnostic::severity)
                .contains(tuple("NO_LEAD_UNIT", Severity.WARNING));
    }

    @Test
    void lostCharactersAreNoted() {
        ParsedPlan plan = parser.parse("""
                (一)甲项。推进甲事项。(牵头单位:市財??局)
                """, 2022);

        assertThat(plan.diagnostics()).filteredOn(d -> d.code().equals("LOST_CHARACTERS")).singleElement()
                .satisfies(d -> {
                    assertThat(d.severity()).isEqualTo(Severity.INFO);
                    assertThat(d.line()).isEqualTo(1);
                    assertThat(d.text()).contains("市財??局");
                });
        assertThat(plan.tasks()).extracting(ParsedTask::category).containsExactly(TaskCategory.WORK_POINT);
    }
}
