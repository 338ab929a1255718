package cn.gov.supervision.tasks;

import cn.gov.supervision.testkit.TestTokens;
import cn.gov.supervision.testkit.UnitsServiceTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static cn.gov.supervision.testkit.HuzhouUnits.CZJ;
import static cn.gov.supervision.testkit.HuzhouUnits.FGW;
import static cn.gov.supervision.testkit.HuzhouUnits.ZFB;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Issue 14, item 3: what a person decides about a document's unit names at import time. A dry run with
 * createMissingUnits says which units would be created and writes nothing; a name mapped to a unit is taken as that
 * unit, and with rememberAliases becomes the unit's alias at units-service, so the next document resolves it alone.
 */
@QuarkusTest
class ImportUnitChoicesTest {

    private static final String PLAN = """
            %d年全市科技工作要點
            附件1
            %d年度重點任務清單
            序號 | 重點任務 | 牽頭單位 | 完成時限
            1 | 建設科技創新實驗室 | %s | 6月底前
            2 | 編制數字政府規劃 | %s | 9月底前
            """;

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    private static RequestSpecification plan(int year, String firstLead, String secondLead) {
        return given().contentType("text/plain; charset=UTF-8")
                .body(PLAN.formatted(year, year, firstLead, secondLead).getBytes(StandardCharsets.UTF_8));
    }

    private static String unitsService() {
        return UnitsServiceTestResource.unitsService("units_for_tasks_test").baseUrl();
    }

    @Test
    void aDryRunSaysWhichUnitsWouldBeCreatedAndWritesNothing() throws Exception {
        TaskFixtures.awaitReferenceUnits();
        long plans = TaskFixtures.count("SELECT count(*) FROM plan");
        long unitRefs = TaskFixtures.count("SELECT count(*) FROM unit_ref");
        long units = given().baseUri(unitsService()).queryParam("size", 1).when().get("/api/v1/units").then()
                .statusCode(200).extract().jsonPath().getLong("total");

        JsonPath preview = plan(2032, "市量子科技局", "市发改委").queryParam("dryRun", true)
                .queryParam("createMissingUnits", true).when().post("/api/v1/plans/import")
                .then().statusCode(200).extract().jsonPath();
        assertThat(preview.getString("tasks[0].leadUnits[0].status")).isEqualTo("WOULD_CREATE");
        assertThat(preview.getString("tasks[0].leadUnits[0].unitName")).isEqualTo("市量子科技局");
        assertThat(preview.getString("tasks[0].leadUnits[0].unitId")).isNull();
        assertThat(preview.getString("tasks[1].leadUnits[0].status")).isEqualTo("RESOLVED");
        assertThat(preview.getInt("summary.createdUnits")).isEqualTo(1);
        assertThat(preview.getInt("summary.unresolvedUnits")).isZero();
        assertThat(preview.getString("diagnostics.find { it.code == 'UNIT_WOULD_BE_CREATED' }.message"))
                .contains("imported-", "CITY_DEPARTMENT", "市量子科技局");

        assertThat(TaskFixtures.count("SELECT count(*) FROM plan")).isEqualTo(plans);
        assertThat(TaskFixtures.count("SELECT count(*) FROM unit_ref")).isEqualTo(unitRefs);
        given().baseUri(unitsService()).queryParam("size", 1).when().get("/api/v1/units").then().statusCode(200)
                .body("total", equalTo((int) units));
        given().baseUri(unitsService()).queryParam("q", "量子").when().get("/api/v1/units").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void aMappedNameIsTakenAsItsUnitAndRememberedAsAnAlias() {
        TaskFixtures.awaitReferenceUnits();
        JsonPath preview = plan(2033, "市府辦", "市发改委").queryParam("dryRun", true)
                .queryParam("unitMapping", "市府辦=" + ZFB).queryParam("rememberAliases", true)
                .when().post("/api/v1/plans/import").then().statusCode(200).extract().jsonPath();
        assertThat(preview.getString("tasks[0].leadUnits[0].status")).isEqualTo("MAPPED");
        assertThat(preview.getString("tasks[0].leadUnits[0].unitId")).isEqualTo(ZFB.toString());
        assertThat(preview.getList("diagnostics.code")).contains("ALIAS_WOULD_BE_REMEMBERED")
                .doesNotContain("UNRESOLVED_UNIT", "ALIAS_REMEMBERED");
        assertThat(resolveAtUnitsService("市府办")).isEqualTo("UNRESOLVED");

        JsonPath imported = plan(2033, "市府辦", "市发改委").queryParam("unitMapping", "市府办=" + ZFB)
                .queryParam("rememberAliases", true).when().post("/api/v1/plans/import")
                .then().statusCode(201).extract().jsonPath();
        assertThat(imported.getList("diagnostics.code")).contains("ALIAS_REMEMBERED");
        given().when().get("/api/v1/tasks/" + imported.getString("tasks[0].id")).then().statusCode(200)
                .body("assignments[0].unitId", equalTo(ZFB.toString()));
        given().baseUri(unitsService()).when().get("/api/v1/units/" + ZFB).then().statusCode(200)
                .body("aliases", hasItem("市府办"));
        assertThat(resolveAtUnitsService("市府辦")).isEqualTo("RESOLVED");

        // the next document that writes it needs no mapping
        plan(2034, "市府辦", "市发改委").queryParam("dryRun", true).when().post("/api/v1/plans/import")
                .then().statusCode(200).body("tasks[0].leadUnits[0].status", equalTo("RESOLVED"))
                .body("tasks[0].leadUnits[0].unitId", equalTo(ZFB.toString()));
    }

    @Test
    void aMappingThatCannotBeRememberedIsReportedAndTheImportStands() {
        TaskFixtures.awaitReferenceUnits();
        // 市发改委 is city-fgw's name: it cannot become 市财政局's alias, but the person's mapping holds for this plan
        JsonPath imported = plan(2035, "市發改委", "市财政局").queryParam("unitMapping", "市发改委=" + CZJ)
                .queryParam("unitMapping", "市不存在局=" + FGW).queryParam("rememberAliases", true)
                .when().post("/api/v1/plans/import").then().statusCode(201).extract().jsonPath();
        assertThat(imported.getString("tasks[0].leadUnits[0].unitId")).isEqualTo(CZJ.toString());
        assertThat(imported.getString("diagnostics.find { it.code == 'ALIAS_NOT_REMEMBERED' }.message"))
                .contains("city-fgw");
        assertThat(imported.getString("diagnostics.find { it.code == 'MAPPING_UNUSED' }.text")).isEqualTo("市不存在局");
        assertThat(resolveAtUnitsService("市发改委")).isEqualTo("RESOLVED");
    }

    @Test
    void badMappingsAreProblemsAndChangeNothing() throws Exception {
        long plans = TaskFixtures.count("SELECT count(*) FROM plan");
        for (String mapping : List.of("市府办", "市府办=not-a-uuid", "=" + ZFB, "市".repeat(101) + "=" + ZFB)) {
            plan(2036, "市府办", "市发改委").queryParam("unitMapping", mapping).when().post("/api/v1/plans/import")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("unitMapping"));
        }
        plan(2036, "市府办", "市发改委").queryParam("unitMapping", "市府办=" + ZFB)
                .queryParam("unitMapping", "市府办=" + CZJ).when().post("/api/v1/plans/import")
                .then().statusCode(400).contentType("application/problem+json");
        plan(2036, "市府办", "市发改委").queryParam("unitMapping", "市府办=00000000-0000-0000-0000-00000000abcd")
                .when().post("/api/v1/plans/import")
                .then().statusCode(422).contentType("application/problem+json");
        assertThat(TaskFixtures.count("SELECT count(*) FROM plan")).isEqualTo(plans);
    }

    private static String resolveAtUnitsService(String name) {
        return given().baseUri(unitsService()).contentType("application/json").body(Map.of("names", List.of(name)))
                .when().post("/api/v1/units/resolve").then().statusCode(200).extract().path("results[0].status");
    }
}
