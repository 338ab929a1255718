package cn.gov.supervision.tasks;

import cn.gov.supervision.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.gov.supervision.testkit.HuzhouUnits.SFJ;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * GET /tasks/{id}, which is answered on the request's event loop through its own connections (repository.ReadPool)
 * while every write goes through JDBC: the two must agree at once, and a unit this replica has not seen yet must
 * still be shown by name.
 */
@QuarkusTest
class TaskReadTest {

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @Test
    void eachChangeIsReadBackAtOnce() {
        TaskFixtures.awaitReferenceUnits();
        String plan = TaskFixtures.createPlan("读取测试计划", TaskFixtures.today().getYear());
        String task = TaskFixtures.createTask(plan, "R-1", "读后即见", List.of(SFJ), List.of(),
                TaskFixtures.dated(TaskFixtures.today().plusDays(30))).extract().path("id");
        for (int version = 0; version < 20; version++) {
            String title = "读后即见第" + (version + 1) + "版";
            given().contentType("application/json").header("If-Match", "\"" + version + "\"")
                    .body(Map.of("title", title))
                    .when().patch("/api/v1/tasks/" + task)
                    .then().statusCode(200);
            given().when().get("/api/v1/tasks/" + task)
                    .then().statusCode(200)
                    .header("ETag", "\"" + (version + 1) + "\"")
                    .body("title", equalTo(title));
        }
    }

    /**
     * As when another replica's consumer applied a new unit and this replica has not reloaded its names yet: the unit
     * and a task of it are written straight into the database, and the read finds the name there.
     */
    @Test
    void aUnitNotInMemoryYetIsShownByName() throws Exception {
        String plan = TaskFixtures.createPlan("未知单位读取计划", TaskFixtures.today().getYear());
        UUID unit = UUID.randomUUID();
        UUID task = UUID.randomUUID();
        String name = "新设数据局" + unit.toString().substring(0, 8);
        TaskFixtures.execute("INSERT INTO unit_ref (id, code, name, kind, active, version) VALUES ('" + unit
                + "', 'new-" + unit + "', '" + name + "', 'CITY_DEPARTMENT', true, 3)");
        TaskFixtures.execute("INSERT INTO task (id, plan_id, code, category, title, deadline_kind, status, search_text, "
                + "created_at, updated_at) VALUES ('" + task + "', '" + plan + "', 'U-1', 'KEY_TASK', '新单位的任务', "
                + "'ONGOING', 'NOT_STARTED', '新单位的任务', now(), now())");
        TaskFixtures.execute("INSERT INTO task_unit (task_id, unit_id, role, position) VALUES ('" + task + "', '"
                + unit + "', 'LEAD', 0)");
        TaskFixtures.execute("INSERT INTO assignment (id, task_id, unit_id, role, status) VALUES ('"
                + UUID.randomUUID() + "', '" + task + "', '" + unit + "', 'LEAD', 'NOT_STARTED')");

        given().when().get("/api/v1/tasks/" + task)
                .then().statusCode(200)
                .body("leadUnits.name", contains(name))
                .body("assignments.unitName", contains(name));
    }
}
