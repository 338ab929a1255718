package cn.gov.supervision.units;

import cn.gov.supervision.kit.text.ChineseText;
import cn.gov.supervision.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.gov.supervision.testkit.HuzhouUnits.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Every unit name the Huzhou 2022 plan writes, exactly as written there, resolves to the right unit. */
@QuarkusTest
class UnitNameResolutionTest {

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    /** A unit-name clause in the body, pinyin annotations such as 發(fā) included. */
    private static final Pattern LEAD_CLAUSE =
            Pattern.compile("\\(牽頭單位[:：]((?:[^()]|\\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\\))*)\\)");

    /** The intended unit of each name, keyed by the name in simplified characters without spaces or brackets. */
    private static final Map<String, UUID> EXPECTED = Map.ofEntries(
            Map.entry("市发展改革委", FGW),
            Map.entry("市财政局", CZJ),
            Map.entry("市建设局", JSJ),
            Map.entry("市委改革办", GGB),
            Map.entry("市市场监管局", UUID.fromString("5d415069-58bd-51a9-b288-c6086cf82120")),
            Map.entry("市税务局", UUID.fromString("0d089ee1-9a0d-58c2-9230-10dbb242559a")),
            Map.entry("市政府办公室", ZFB),
            Map.entry("市人力社保局", UUID.fromString("ec9fea23-618f-5016-97a8-5a7da3df0d83")),
            Map.entry("市教育局", UUID.fromString("400931dc-725d-55ce-8553-58bf377cce58")),
            Map.entry("市卫生健康委", UUID.fromString("dae39faa-3da6-5e95-a450-e7612acffc35")),
            Map.entry("市生态环境局", UUID.fromString("45ea2f5c-d7af-56f2-868f-2d608d3a642b")),
            Map.entry("市交通运输局", UUID.fromString("72120a1b-e657-50e0-8188-3f1347cfeff3")),
            Map.entry("国网湖州供电公司", SGCC_HUZHOU),
            Map.entry("市新闻传媒中心", UUID.fromString("08444724-9ee8-5e40-bc70-d42d5bc2a591")),
            Map.entry("市经信局", UUID.fromString("a62820ff-fbe8-59a8-8480-94169be25da4")),
            Map.entry("市大数据局", UUID.fromString("657c42a8-529a-568c-8588-7771509b5ef4")),
            Map.entry("市信访局", UUID.fromString("ff733a98-abd7-5231-a711-56c0ac6bd23a")),
            Map.entry("市委网信办", UUID.fromString("90563de0-8dd1-589c-a7c7-10406182cc14")),
            Map.entry("市司法局", SFJ),
            Map.entry("市自然资源和规划局", ZRZYGHJ),
            Map.entry("长兴县政府", CHANGXING),
            Map.entry("安吉县政府", ANJI),
            Map.entry("吴兴区政府", WUXING),
            Map.entry("各区县政府", DISTRICTS),
            Map.entry("市级各部门", CITY_DEPARTMENTS),
            Map.entry("市级有关部门", CITY_RELEVANT_DEPARTMENTS),
            // the 区县 column of 附件3 names districts and counties; the responsible unit is their government
            Map.entry("吴兴区", WUXING),
            Map.entry("南浔区", NANXUN),
            Map.entry("德清县", DEQING),
            Map.entry("长兴县", CHANGXING),
            Map.entry("安吉县", ANJI));

    @Test
    void everySpellingInTheHuzhouPlanResolvesToTheRightUnit() throws IOException {
        List<String> spellings = unitSpellingsOfTheHuzhouPlan();
        assertThat(spellings).as("spellings found in the document").hasSizeGreaterThanOrEqualTo(35)
                .contains("市 司法局", "市自 然資源和規(guī)劃局", "市委改革辦(市政務(wù)辦)",
                        "各區(qū)縣政府﹝含南太湖新區(qū)管委會,下同﹞", "吳興區(qū)", "國網(wǎng)湖州供電公司");
        Response response = given().contentType("application/json").body(Map.of("names", spellings))
                .when().post("/api/v1/units/resolve")
                .then().statusCode(200).body("results", hasSize(spellings.size()))
                .extract().response();
        for (int i = 0; i < spellings.size(); i++) {
            String spelling = spellings.get(i);
            UUID expected = EXPECTED.get(canonical(spelling));
            assertThat(expected).as("the test's table knows '%s' (%s)", spelling, canonical(spelling)).isNotNull();
            String prefix = "results[" + i + "].";
            assertThat(response.path(prefix + "input").toString()).isEqualTo(spelling);
            assertThat(response.path(prefix + "status").toString()).as(spelling).isEqualTo("RESOLVED");
            assertThat(response.path(prefix + "unit.id").toString()).as(spelling).isEqualTo(expected.toString());
        }
    }

    @Test
    void theIssueExamplesResolve() {
        given().contentType("application/json")
                .body(Map.of("names", List.of("市發展改革委", "市 司法局", "市委改革辦(市政務辦)", "各區縣政府")))
                .when().post("/api/v1/units/resolve")
                .then().statusCode(200)
                .body("results.status", equalTo(List.of("RESOLVED", "RESOLVED", "RESOLVED", "RESOLVED")))
                .body("results.unit.id", equalTo(List.of(FGW.toString(), SFJ.toString(), GGB.toString(),
                        DISTRICTS.toString())))
                .body("results[3].unit.kind", equalTo("GROUP"));
    }

    @Test
    void bracketsPunctuationAndShortFormsOfAnyKind() {
        List<String> names = List.of("市委改革辦（市政務辦）", "市委改革办﹝市政务办﹞", "市委改革办〔市政务办〕",
                "市政務辦", "市委改革办【市政务办】", "  市財政局。", "湖州市財政局", "發改委", "市發(fā)展改革委",
                "各區縣政府﹝含南太湖新區管委會,下同﹞", "吳興區人民政府", "市財政局；");
        given().contentType("application/json").body(Map.of("names", names))
                .when().post("/api/v1/units/resolve")
                .then().statusCode(200)
                .body("results.status", equalTo(names.stream().map(n -> "RESOLVED").toList()))
                .body("results.unit.id", equalTo(List.of(GGB, GGB, GGB, GGB, GGB, CZJ, CZJ, FGW, FGW, DISTRICTS,
                        WUXING, CZJ).stream().map(UUID::toString).toList()));
    }

    @Test
    void unknownNamesComeBackUnresolvedWithTheClosestCandidates() {
        given().contentType("application/json").body(Map.of("names", List.of("市财务局", "完全无关的名字xyz")))
                .when().post("/api/v1/units/resolve")
                .then().statusCode(200)
                .body("results[0].status", equalTo("UNRESOLVED"))
                .body("results[0].unit", nullValue())
                .body("results[0].candidates.id", hasItem(CZJ.toString()))
                .body("results[1].status", equalTo("UNRESOLVED"))
                .body("results[1].candidates", hasSize(0));
    }

    @Test
    void conflictingBracketedNameIsAmbiguous() {
        given().contentType("application/json").body(Map.of("names", List.of("市财政局(市司法局)")))
                .when().post("/api/v1/units/resolve")
                .then().statusCode(200)
                .body("results[0].status", equalTo("AMBIGUOUS"))
                .body("results[0].candidates.id", equalTo(List.of(CZJ.toString(), SFJ.toString())));
    }

    @Test
    void badResolveRequestsAreProblems() {
        given().contentType("application/json").body(Map.of("names", List.of()))
                .when().post("/api/v1/units/resolve")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("names"));
        given().contentType("application/json").body("{\"names\": [null]}")
                .when().post("/api/v1/units/resolve")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{}")
                .when().post("/api/v1/units/resolve")
                .then().statusCode(400).contentType("application/problem+json");
    }

    /** Lead-unit names of the body clauses and of the three tables' unit columns, exactly as the document writes them. */
    static List<String> unitSpellingsOfTheHuzhouPlan() throws IOException {
        String document;
        try (InputStream in = UnitNameResolutionTest.class.getResourceAsStream("/documents/huzhou-2022-work-plan.txt")) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> spellings = new LinkedHashSet<>();
        Matcher clause = LEAD_CLAUSE.matcher(document);
        while (clause.find()) {
            for (String name : splitNames(clause.group(1))) {
                if (!name.contains("以下")) { // 以下责任单位均包含各区县政府 is a rule for the importer, not a name
                    spellings.add(name);
                }
            }
        }
        int unitColumn = -1;
        for (String line : document.split("\n")) {
            if (!line.contains("|")) {
                unitColumn = -1;
                continue;
            }
            List<String> cells = List.of(line.split("\\|", -1));
            int header = indexOfCell(cells, "牽頭單位", "區縣");
            if (header >= 0) {
                unitColumn = header;
                continue;
            }
            if (unitColumn >= 0 && unitColumn < cells.size()) {
                splitNames(cells.get(unitColumn)).forEach(spellings::add);
            }
        }
        return new ArrayList<>(spellings);
    }

    private static int indexOfCell(List<String> cells, String... headers) {
        for (int i = 0; i < cells.size(); i++) {
            for (String header : headers) {
                if (ChineseText.removePinyinAnnotations(cells.get(i)).strip().equals(header)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Splits on 、 and commas that are not inside brackets (the notes in brackets contain commas). */
    private static List<String> splitNames(String text) {
        List<String> names = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (char c : text.toCharArray()) {
            if ("(（﹝〔".indexOf(c) >= 0) {
                depth++;
            } else if (")）﹞〕".indexOf(c) >= 0) {
                depth--;
            }
            if (depth == 0 && "、,，".indexOf(c) >= 0) {
                names.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        names.add(current.toString().strip());
        return names.stream().filter(n -> !n.isEmpty()).toList();
    }

    private static String canonical(String spelling) {
        String plain = ChineseText.removePinyinAnnotations(spelling);
        return ChineseText.matchKey(plain.replaceAll("[(（﹝〔].*$", ""));
    }
}
