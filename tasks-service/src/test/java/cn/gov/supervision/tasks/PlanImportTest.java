package cn.gov.supervision.tasks;

import cn.gov.supervision.kit.text.Brackets;
import cn.gov.supervision.testkit.TestTokens;
import cn.gov.supervision.testkit.UnitsServiceTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static cn.gov.supervision.testkit.HuzhouUnits.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The plan importer on the real Huzhou document, through HTTP, against the real units-service. */
@QuarkusTest
class PlanImportTest {

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    static String huzhou() throws IOException {
        try (InputStream in = PlanImportTest.class.getResourceAsStream("/documents/huzhou-2022-work-plan.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static io.restassured.specification.RequestSpecification text(String body) {
        return given().contentType("text/plain; charset=UTF-8").body(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void huzhouDocumentImportsCompletelyOnceAndReplacesInPlace() throws Exception {
        TaskFixtures.awaitReferenceUnits();
        String document = huzhou();
        long plansBefore = TaskFixtures.count("SELECT count(*) FROM plan");

        JsonPath preview = text(document).queryParam("dryRun", true).when().post("/api/v1/plans/import")
                .then().statusCode(200).extract().jsonPath();
        assertThat(preview.getInt("summary.tasks")).isEqualTo(60);
        assertThat(preview.getMap("summary.byCategory")).containsEntry("KEY_TASK", 25).containsEntry("ACTION", 5)
                .containsEntry("INNOVATION_PROJECT", 5).containsEntry("WORK_POINT", 25);
        assertThat(preview.getInt("summary.unresolvedUnits")).isZero();
        assertThat(preview.getList("diagnostics.severity")).doesNotContain("ERROR");
        assertThat(preview.getString("plan.id")).isNull();
        assertThat(preview.getString("plan.title")).isEqualTo("2022年全市政务公开工作要点");
        assertThat(TaskFixtures.count("SELECT count(*) FROM plan")).as("a dry run stores nothing").isEqualTo(plansBefore);

        var created = text(document).when().post("/api/v1/plans/import").then().statusCode(201).extract();
        String planId = created.path("plan.id");
        assertThat(created.header("Location")).endsWith("/api/v1/plans/" + planId);
        given().when().get("/api/v1/plans/" + planId).then().statusCode(200)
                .body("documentIndex", equalTo("330523/2022-06006")).body("year", equalTo(2022))
                .body("issuer", equalTo("安吉县人民政府")).body("publishedOn", equalTo("2022-07-21"));

        JsonPath tasks = given().queryParam("planId", planId).queryParam("size", 200).queryParam("sort", "code")
                .when().get("/api/v1/tasks").then().statusCode(200).body("total", equalTo(60)).extract().jsonPath();
        assertThat(tasks.getString("items.find { it.code == '附件1-4' }.deadline.dueDate")).isEqualTo("2022-09-30");
        assertThat(tasks.getList("items.find { it.code == '附件1-4' }.leadUnits.id"))
                .containsExactly(FGW.toString(), JSJ.toString(), GGB.toString());
        assertThat(tasks.getList("items.find { it.code == '附件1-19' }.assignments.unitId")).hasSize(6)
                .containsAll(DISTRICT_GOVERNMENTS.stream().map(Object::toString).toList());
        assertThat(tasks.getString("items.find { it.code == '附件3-1' }.leadUnits[0].id")).isEqualTo(WUXING.toString());
        assertThat(tasks.getString("items.find { it.code == '(二)-1' }.title")).contains("市场主体");
        assertThat(tasks.getString("items.find { it.code == '(二)-1' }.originalText")).contains("牽頭單位");
        assertThat(tasks.getList("items.find { it.code == '(二)-1' }.coUnits.id")).containsExactly(DISTRICTS.toString());

        // the same document again: refused, naming the plan; with replace=true updated in place, same task ids
        text(document).when().post("/api/v1/plans/import")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("plan-exists")).body("detail", containsString(planId));
        Map<String, String> idsBefore = ids(tasks);
        String changed = document.replace("9月底前 |", "10月底前 |");
        JsonPath replaced = text(changed).queryParam("replace", true).when().post("/api/v1/plans/import")
                .then().statusCode(200).body("plan.id", equalTo(planId)).body("plan.replaced", equalTo(true))
                .extract().jsonPath();
        assertThat(replaced.getInt("summary.tasks")).isEqualTo(60);
        JsonPath after = given().queryParam("planId", planId).queryParam("size", 200).when().get("/api/v1/tasks")
                .then().body("total", equalTo(60)).extract().jsonPath();
        assertThat(ids(after)).isEqualTo(idsBefore);
        assertThat(after.getString("items.find { it.code == '附件1-4' }.deadline.dueDate")).isEqualTo("2022-10-31");
        given().when().get("/api/v1/tasks/" + idsBefore.get("附件1-4") + "/history").then()
                .body("items.action", hasItem("DEADLINE_CHANGED"));
        assertThat(TaskFixtures.count("SELECT count(*) FROM plan")).isEqualTo(plansBefore + 1);
    }

    @Test
    void aDocumentUploadedAsAFileWithUnknownUnitsCanCreateThem() {
        TaskFixtures.awaitReferenceUnits();
        String plan = """
                2031年全市科技工作要點
                一、總體要求
                (一)推進科技創新。加快建設創新平台。(牽頭單位:市科技局、市發展改革委)
                附件1
                2031年度重點任務清單
                序號 | 重點任務 | 牽頭單位 | 完成時限
                1 | 建設實驗室 | 市科技局 | 6月底前
                """;
        JsonPath preview = given().multiPart("file", "plan.txt", plan.getBytes(StandardCharsets.UTF_8), "text/plain")
                .queryParam("dryRun", true).queryParam("year", 2031)
                .when().post("/api/v1/plans/import").then().statusCode(200).extract().jsonPath();
        assertThat(preview.getInt("summary.unresolvedUnits")).isEqualTo(1);
        assertThat(preview.getList("diagnostics.code")).contains("UNRESOLVED_UNIT");

        JsonPath imported = given().multiPart("file", "plan.txt", plan.getBytes(StandardCharsets.UTF_8), "text/plain")
                .queryParam("year", 2031).queryParam("createMissingUnits", true)
                .when().post("/api/v1/plans/import").then().statusCode(201).extract().jsonPath();
        assertThat(imported.getInt("summary.createdUnits")).isEqualTo(1);
        String unitId = imported.getString("tasks.find { it.code == '附件1-1' }.leadUnits[0].unitId");
        assertThat(imported.getString("tasks.find { it.code == '附件1-1' }.leadUnits[0].status")).isEqualTo("CREATED");
        String units = UnitsServiceTestResource.unitsService("units_for_tasks_test").baseUrl();
        given().baseUri(units).when().get("/api/v1/units/" + unitId).then().statusCode(200)
                .body("name", equalTo("市科技局")).body("code", org.hamcrest.Matchers.startsWith("imported-"));
        given().when().get("/api/v1/tasks/" + imported.getString("tasks.find { it.code == '附件1-1' }.id"))
                .then().statusCode(200).body("assignments[0].unitId", equalTo(unitId))
                .body("deadline.dueDate", equalTo("2031-06-30"));
    }

    @Test
    void badDocumentsAreProblemsOrPreviewsAndNeverPartialImports() throws Exception {
        long plans = TaskFixtures.count("SELECT count(*) FROM plan");
        long tasks = TaskFixtures.count("SELECT count(*) FROM task");
        given().contentType("text/plain").body(new byte[0]).when().post("/api/v1/plans/import")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("text/plain").body(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 1})
                .when().post("/api/v1/plans/import").then().statusCode(415).contentType("application/problem+json");
        given().contentType("text/plain").body(new byte[]{(byte) 0xC3, (byte) 0x28, 'a'})
                .when().post("/api/v1/plans/import").then().statusCode(415);
        text("這是一段沒有任何任務的文字。\n第二行。").when().post("/api/v1/plans/import")
                .then().statusCode(422).contentType("application/problem+json");
        text("這是一段沒有任何任務的文字。").queryParam("dryRun", true).when().post("/api/v1/plans/import")
                .then().statusCode(200).body("diagnostics.code", hasItem("NO_TASKS"));
        String missingCells = "2030年工作要點\n附件1\n重點任務清單\n序號 | 重點任務 | 牽頭單位 | 完成時限\n1 | 只有任務\n2 | | 市財政局 | 9月底前\n";
        text(missingCells).queryParam("dryRun", true).when().post("/api/v1/plans/import")
                .then().statusCode(200).body("diagnostics.code", hasItem("MISSING_CELL"));
        Random random = new Random(42);
        StringBuilder garbage = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            garbage.append((char) (0x20 + random.nextInt(0x9FFF - 0x20)));
            if (i % 80 == 0) {
                garbage.append('\n');
            }
        }
        String garbageText = garbage.toString().replace('\u0000', ' ');
        given().contentType("text/plain; charset=UTF-8").body(garbageText.getBytes(StandardCharsets.UTF_8))
                .queryParam("dryRun", true).when().post("/api/v1/plans/import")
                .then().statusCode(200);
        given().contentType("text/plain; charset=UTF-8").body(garbageText.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/plans/import")
                .then().statusCode(not(equalTo(500)));
        byte[] large = (huzhou() + "\n").repeat(800).getBytes(StandardCharsets.UTF_8);
        assertThat(large.length).isGreaterThan(20_000_000);
        given().contentType("text/plain; charset=UTF-8").body(large).queryParam("dryRun", true)
                .when().post("/api/v1/plans/import")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(413)));
        given().contentType("text/plain").queryParam("year", 1900).body("x").when().post("/api/v1/plans/import")
                .then().statusCode(400);
        assertThat(TaskFixtures.count("SELECT count(*) FROM plan")).isEqualTo(plans);
        assertThat(TaskFixtures.count("SELECT count(*) FROM task")).isEqualTo(tasks);
    }

    /**
     * The importer (reading a unit list) and units-service (reading one name) share kit.text.Brackets: with each kind
     * of bracket, an alias stays on its name and is what units-service resolves (新设机构 alone is unknown), a note
     * with a comma inside is neither split at the comma nor kept.
     */
    @Test
    void everyKindOfBracketIsReadAlikeByImporterAndResolver() {
        TaskFixtures.awaitReferenceUnits();
        StringBuilder plan = new StringBuilder("2032年全市政务公开工作要点\n附件1\n2032年度重点任务清单\n"
                + "序号 | 重点任务 | 牵头单位 | 完成时限\n");
        for (int i = 0; i < Brackets.OPENING.length(); i++) {
            char open = Brackets.OPENING.charAt(i);
            char close = Brackets.CLOSING.charAt(i);
            plan.append(i + 1).append(" | 落实第").append(i + 1).append("项任务 | 新设机构").append(open).append("市委改革办")
                    .append(close).append("、各区县政府").append(open).append("含南太湖新区管委会,下同").append(close)
                    .append(" | 6月底前\n");
        }
        JsonPath preview = text(plan.toString()).queryParam("dryRun", true).when().post("/api/v1/plans/import")
                .then().statusCode(200).extract().jsonPath();
        assertThat(preview.getInt("summary.tasks")).isEqualTo(Brackets.OPENING.length());
        for (int i = 0; i < Brackets.OPENING.length(); i++) {
            String kind = Brackets.OPENING.charAt(i) + "" + Brackets.CLOSING.charAt(i);
            String task = "tasks.find { it.code == '附件1-" + (i + 1) + "' }";
            assertThat(preview.getList(task + ".leadUnits.name")).as(kind)
                    .containsExactly("新设机构" + Brackets.OPENING.charAt(i) + "市委改革办" + Brackets.CLOSING.charAt(i),
                            "各区县政府");
            assertThat(preview.getList(task + ".leadUnits.unitId")).as(kind)
                    .containsExactly(GGB.toString(), DISTRICTS.toString());
        }
    }

    private static Map<String, String> ids(JsonPath tasks) {
        Map<String, String> ids = new java.util.TreeMap<>();
        List<Map<String, Object>> items = tasks.getList("items");
        items.forEach(item -> ids.put((String) item.get("code"), (String) item.get("id")));
        return ids;
    }
}
