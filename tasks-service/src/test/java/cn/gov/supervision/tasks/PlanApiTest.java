package cn.gov.supervision.tasks;

import cn.gov.supervision.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.gov.supervision.testkit.HuzhouUnits.FGW;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class PlanApiTest {

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @Test
    void plansAreCreatedReadUpdatedWithETagsAndDeletedOnlyWhenEmpty() {
        var created = given().contentType("application/json")
                .body(Map.of("title", "2022年全市政務公開工作要點", "year", 2022, "issuer", "安吉縣人民政府",
                        "documentIndex", "330523/2022-06006", "publishedOn", "2022-07-21"))
                .when().post("/api/v1/plans")
                .then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("title", equalTo("2022年全市政务公开工作要点"))
                .body("issuer", equalTo("安吉县人民政府"))
                .body("publishedOn", equalTo("2022-07-21"))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/plans/" + id);
        Map<String, Object> update = Map.of("title", "2022年全市政务公开工作要点(修订)", "year", 2022);
        given().contentType("application/json").body(update).when().put("/api/v1/plans/" + id)
                .then().statusCode(428);
        given().contentType("application/json").header("If-Match", "\"5\"").body(update).when().put("/api/v1/plans/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        given().contentType("application/json").header("If-Match", "\"0\"").body(update).when().put("/api/v1/plans/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("title", equalTo("2022年全市政务公开工作要点(修订)"));
        given().queryParam("year", 2022).when().get("/api/v1/plans")
                .then().statusCode(200).body("items.id", hasItem(id));

        TaskFixtures.awaitReferenceUnits();
        String taskId = TaskFixtures.createTask(id, "附件1-1", "一项任务", List.of(FGW), List.of(),
                TaskFixtures.deadline("ONGOING")).extract().path("id");
        given().when().delete("/api/v1/plans/" + id).then().statusCode(409).body("type", endsWith("plan-has-tasks"));
        given().when().delete("/api/v1/tasks/" + taskId).then().statusCode(204);
        given().when().delete("/api/v1/plans/" + id).then().statusCode(204);
        given().when().get("/api/v1/plans/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void invalidPlansAreRejected() {
        given().contentType("application/json").body(Map.of("title", "", "year", 1800))
                .when().post("/api/v1/plans")
                .then().statusCode(400).body("errors.field", hasItem("title")).body("errors.field", hasItem("year"));
        given().contentType("application/json").body("{\"title\":\"x\",\"year\":2022,\"publishedOn\":\"21/07/2022\"}")
                .when().post("/api/v1/plans")
                .then().statusCode(400).body("errors.field", hasItem("publishedOn"));
    }
}
