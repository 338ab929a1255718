package cn.gov.supervision.tasks;

import cn.gov.supervision.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.common.mapper.TypeRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.gov.supervision.testkit.HuzhouUnits.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** Filters, paging and sorting of GET /tasks on a small plan whose answers are known. */
@QuarkusTest
class TaskQueryTest {

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    private static String planId;
    private static String standardization;
    private static String decisions;
    private static String ongoing;

    @BeforeEach
    void plan() {
        if (planId != null) {
            return;
        }
        TaskFixtures.awaitReferenceUnits();
        LocalDate today = TaskFixtures.today();
        planId = TaskFixtures.createPlan("查询测试计划", today.getYear());
        standardization = TaskFixtures.createTask(planId, "Q-1", "推进基层政务公开标准化建设", List.of(DISTRICTS), List.of(),
                TaskFixtures.dated(today.plusDays(20))).extract().path("id");
        decisions = TaskFixtures.createTask(planId, "Q-2", "完善重大行政决策事项目录", List.of(SFJ), List.of(ZFB),
                TaskFixtures.dated(today.minusDays(5))).extract().path("id");
        ongoing = TaskFixtures.createTask(planId, "Q-3", "ACTION", "持续做好政府公报工作", List.of(SFJ), List.of(),
                TaskFixtures.deadline("ONGOING")).extract().path("id");
    }

    private static io.restassured.specification.RequestSpecification inPlan() {
        return given().queryParam("planId", planId);
    }

    @Test
    void filtersByUnitThroughGroupMembershipAndRole() {
        inPlan().queryParam("unitId", WUXING).when().get("/api/v1/tasks")
                .then().statusCode(200).body("items.id", contains(standardization)).body("total", equalTo(1));
        inPlan().queryParam("unitId", DISTRICTS).when().get("/api/v1/tasks")
                .then().body("items.id", contains(standardization));
        inPlan().queryParam("unitId", SFJ).when().get("/api/v1/tasks")
                .then().body("items.id", contains(decisions, ongoing));
        inPlan().queryParam("unitId", ZFB).queryParam("role", "CO").when().get("/api/v1/tasks")
                .then().body("items.id", contains(decisions));
        inPlan().queryParam("unitId", ZFB).queryParam("role", "LEAD").when().get("/api/v1/tasks")
                .then().body("items", hasSize(0)).body("total", equalTo(0));
    }

    @Test
    void filtersByTextInTraditionalOrSimplifiedCharacters() {
        inPlan().queryParam("q", "標準化").when().get("/api/v1/tasks")
                .then().body("items.id", contains(standardization));
        inPlan().queryParam("q", "决策 事项").when().get("/api/v1/tasks")
                .then().body("items.id", contains(decisions));
        inPlan().queryParam("q", "%").when().get("/api/v1/tasks").then().body("total", equalTo(0));
    }

    @Test
    void filtersByLightOverdueStatusCategoryAndDueDates() {
        LocalDate today = TaskFixtures.today();
        inPlan().queryParam("overdue", true).when().get("/api/v1/tasks")
                .then().body("items.id", contains(decisions)).body("items[0].light", equalTo("RED"));
        inPlan().queryParam("overdue", false).when().get("/api/v1/tasks")
                .then().body("items.id", containsInAnyOrder(standardization, ongoing));
        inPlan().queryParam("light", "RED").when().get("/api/v1/tasks").then().body("items.id", contains(decisions));
        inPlan().queryParam("light", "GREEN").when().get("/api/v1/tasks").then().body("items.id", contains(standardization));
        inPlan().queryParam("light", "NONE").when().get("/api/v1/tasks").then().body("items.id", contains(ongoing));
        inPlan().queryParam("light", "YELLOW").when().get("/api/v1/tasks").then().body("total", equalTo(0));
        inPlan().queryParam("category", "ACTION").when().get("/api/v1/tasks").then().body("items.id", contains(ongoing));
        inPlan().queryParam("status", "NOT_STARTED").when().get("/api/v1/tasks").then().body("total", equalTo(3));
        inPlan().queryParam("dueFrom", today.toString()).when().get("/api/v1/tasks")
                .then().body("items.id", contains(standardization));
        inPlan().queryParam("dueTo", today.toString()).when().get("/api/v1/tasks")
                .then().body("items.id", contains(decisions));
    }

    @Test
    void pagesAndSorts() {
        inPlan().when().get("/api/v1/tasks")
                .then().body("items.id", contains(decisions, standardization, ongoing))
                .body("page", equalTo(0)).body("size", equalTo(50)).body("total", equalTo(3));
        inPlan().queryParam("sort", "dueDate,desc").when().get("/api/v1/tasks")
                .then().body("items.id", contains(standardization, decisions, ongoing));
        inPlan().queryParam("sort", "code").queryParam("size", 1).queryParam("page", 1).when().get("/api/v1/tasks")
                .then().body("items.id", contains(decisions)).body("total", equalTo(3)).body("size", equalTo(1));
        inPlan().queryParam("size", 2).queryParam("page", 5).when().get("/api/v1/tasks")
                .then().body("items", hasSize(0)).body("total", equalTo(3));
    }

    /**
     * A task reads the same alone and in a list, each unit once: a task with a lead and a co-unit once came back with
     * four assignments from GET (its assignments joined with its named units, two by two).
     */
    @Test
    void aTaskReadsTheSameAloneAndInAListWithEachAssignmentOnce() {
        Map<String, Object> alone = given().when().get("/api/v1/tasks/" + decisions).then().statusCode(200)
                .body("assignments.unitId", containsInAnyOrder(SFJ.toString(), ZFB.toString()))
                .body("assignments.role", contains("CO", "LEAD"))
                .body("leadUnits.id", contains(SFJ.toString())).body("coUnits.id", contains(ZFB.toString()))
                .extract().as(new TypeRef<>() {
                });
        List<Map<String, Object>> listed = inPlan().queryParam("sort", "code").when().get("/api/v1/tasks").then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertThat(listed).extracting(task -> task.get("id")).containsExactly(standardization, decisions, ongoing);
        assertThat(listed.get(1)).isEqualTo(alone);
        // a group as lead: one assignment per member, each once, and the group named once
        List<String> members = given().when().get("/api/v1/tasks/" + standardization).then().statusCode(200)
                .body("leadUnits.id", contains(DISTRICTS.toString()))
                .body("assignments.viaGroupId", everyItem(equalTo(DISTRICTS.toString())))
                .extract().jsonPath().getList("assignments.unitId");
        assertThat(members).contains(WUXING.toString()).hasSizeGreaterThan(1).doesNotHaveDuplicates();
    }

    @Test
    void badQueryParametersAreProblems() {
        for (String[] bad : new String[][]{{"size", "201"}, {"size", "0"}, {"page", "-1"}, {"sort", "colour,asc"},
                {"sort", "code,up"}, {"light", "PURPLE"}, {"dueFrom", "2022-13-01"}, {"overdue", "maybe"},
                {"unitId", "123"}, {"role", "LEAD"}}) {
            given().queryParam(bad[0], bad[1]).when().get("/api/v1/tasks")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().when().get("/api/v1/tasks?size=201").then().body("errors.field", hasItem("size"));
    }
}
