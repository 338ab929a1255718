package cn.gov.supervision.tasks;

import cn.gov.supervision.kit.security.Permissions;
import cn.gov.supervision.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static cn.gov.supervision.tasks.TaskFixtures.assignmentPath;
import static cn.gov.supervision.testkit.HuzhouUnits.DEQING;
import static cn.gov.supervision.testkit.HuzhouUnits.DISTRICTS;
import static cn.gov.supervision.testkit.HuzhouUnits.NANXUN;
import static cn.gov.supervision.testkit.HuzhouUnits.WUXING;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of this service's OpenAPI document × callers bound to a unit (README "Who may do what"). The
 * operations come from the served document, so an operation added without a rule here fails this test.
 *
 * <p>The scene: task "shared" is led by LEAD with co-units CO1 and CO2; task "districts" is led by the group of the
 * six districts, so WUXING and NANXUN stand side by side. Every unit has reported, and each has something only it (and
 * whoever coordinates it) may read: completion evidence, a return reason, an extension reason. The callers are each
 * of LEAD, CO1 and WUXING as a unit user, as a unit user whose token also lists admin and supervisor, and as an API
 * key bound to the unit with every scope: all three must be confined alike.
 */
@QuarkusTest
class UnitCallerMatrixTest {

    /** What one unit should see and may touch. */
    private record Scene(String label, UUID unit, String ownTask, String foreignTask, Set<UUID> seenInFull,
                         UUID otherOnOwnTask, UUID pendingCompletion, UUID pendingExtension) {
    }

    private record UnitCaller(String kind, Scene scene, String token) {
        @Override
        public String toString() {
            return kind + " of " + scene.label();
        }
    }

    @FunctionalInterface
    private interface Rule {
        void check(UnitCaller caller, Scene scene, SoftAssertions soft);
    }

    private static String planId;
    private static List<Scene> scenes;
    /** Text only one unit's part holds → whose it is. */
    private static final Map<String, String> SECRETS = new LinkedHashMap<>();
    /** Unit → the mark its secrets start with. */
    private static final Map<UUID, String> MARKS = new LinkedHashMap<>();

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    private static void createScene() {
        if (planId != null) {
            return;
        }
        TaskFixtures.awaitReferenceUnits();
        UUID lead = TaskFixtures.newUnit("领");
        UUID co1 = TaskFixtures.newUnit("协一");
        UUID co2 = TaskFixtures.newUnit("协二");
        UUID co3 = TaskFixtures.newUnit("协三");
        planId = TaskFixtures.createPlan("单位可见性测试计划", 2034);
        Map<String, Object> due = TaskFixtures.dated(LocalDate.of(2034, 10, 31));
        String shared = TaskFixtures.createTask(planId, "M-1", "牵头协办任务", List.of(lead), List.of(co1, co2, co3),
                due).extract().path("id");
        String districts = TaskFixtures.createTask(planId, "M-2", "区县并列任务", List.of(DISTRICTS), List.of(), due)
                .extract().path("id");
        Map.of(lead, "领", co1, "协一", co2, "协二", co3, "协三", WUXING, "吴兴", NANXUN, "南浔", DEQING, "德清")
                .forEach(MARKS::put);
        for (UUID unit : List.of(lead, co1, co2, co3)) {
            report(shared, unit);
        }
        for (UUID unit : List.of(WUXING, NANXUN, DEQING)) {
            report(districts, unit);
        }
        // reportable again, with evidence and a return reason: LEAD, CO1, WUXING (the callers)
        for (UUID unit : List.of(lead, co1)) {
            requestCompletion(shared, unit);
            returnCompletion(shared, unit);
        }
        requestCompletion(districts, WUXING);
        returnCompletion(districts, WUXING);
        // pending, for the callers to try to decide on
        requestCompletion(shared, co2);
        requestExtension(shared, co3);
        requestCompletion(districts, NANXUN);
        requestExtension(districts, DEQING);

        Set<UUID> ledByLead = Set.of(lead, co1, co2, co3);
        scenes = List.of(
                new Scene("LEAD", lead, shared, districts, ledByLead, co1, co2, co3),
                new Scene("CO1", co1, shared, districts, Set.of(co1), lead, co2, co3),
                new Scene("WUXING", WUXING, districts, shared, Set.of(WUXING), NANXUN, NANXUN, DEQING));
    }

    private static void report(String task, UUID unit) {
        String text = MARKS.get(unit) + "-进展";
        TaskFixtures.post(assignmentPath(task, unit) + "/progress", Map.of("text", text, "percent", 30))
                .statusCode(200);
        SECRETS.put(text, "progress of " + MARKS.get(unit));
    }

    private static void requestCompletion(String task, UUID unit) {
        String evidence = MARKS.get(unit) + "-证据";
        TaskFixtures.post(assignmentPath(task, unit) + "/completion-request", Map.of("evidence", evidence,
                "links", List.of("https://" + unit + ".example.gov.cn/evidence"))).statusCode(200);
        SECRETS.put(evidence, "evidence of " + MARKS.get(unit));
    }

    private static void returnCompletion(String task, UUID unit) {
        String reason = MARKS.get(unit) + "-退回理由";
        given().header("Authorization", TestTokens.bearer(TestTokens.supervisor())).contentType("application/json")
                .body(Map.of("reason", reason)).when().post(assignmentPath(task, unit) + "/completion-request/return")
                .then().statusCode(200);
        SECRETS.put(reason, "return reason of " + MARKS.get(unit));
    }

    private static void requestExtension(String task, UUID unit) {
        String reason = MARKS.get(unit) + "-延期理由";
        TaskFixtures.post(assignmentPath(task, unit) + "/extension-request",
                Map.of("proposedDueDate", "2034-12-31", "reason", reason)).statusCode(200);
        SECRETS.put(reason, "extension reason of " + MARKS.get(unit));
    }

    private static List<UnitCaller> callers() {
        List<UnitCaller> callers = new ArrayList<>();
        for (Scene scene : scenes) {
            callers.add(new UnitCaller("unit user", scene, TestTokens.unit(scene.unit())));
            callers.add(new UnitCaller("unit user also admin and supervisor", scene,
                    Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject("all-roles-" + scene.unit())
                            .groups(Set.of("unit", "admin", "supervisor")).claim("unit_id", scene.unit().toString())
                            .expiresAt(Instant.now().plusSeconds(3600)).jws().keyId("test")
                            .sign(TestTokens.privateKey())));
            callers.add(new UnitCaller("API key bound to the unit with every scope", scene,
                    Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject("api-key-" + scene.unit())
                            .claim("api_key_id", "key-" + scene.unit()).claim("unit_id", scene.unit().toString())
                            .claim("scope", String.join(" ", Permissions.ALL))
                            .expiresAt(Instant.now().plusSeconds(3600)).jws().keyId("test")
                            .sign(TestTokens.privateKey())));
        }
        return callers;
    }

    /** One rule per operationId: what a unit-bound caller gets. */
    private static Map<String, Rule> rules() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        // reads of tasks: its own task as the visibility rule says, no other task
        rules.put("listTasks", (c, s, soft) -> {
            JsonPath page = ok(soft, c, "listTasks", as(c).queryParam("planId", planId).get("/api/v1/tasks"));
            soft.assertThat(page.getList("items.id", String.class)).as("%s: listTasks", c).containsExactly(s.ownTask());
            page.getList("items", Map.class).forEach(task -> checkShown(soft, c + ": listTasks", task, s));
        });
        rules.put("getTask", (c, s, soft) -> {
            checkShown(soft, c + ": getTask", ok(soft, c, "getTask", as(c).get("/api/v1/tasks/" + s.ownTask())).get(), s);
            refused(soft, c, "getTask of a task without its unit", as(c).get("/api/v1/tasks/" + s.foreignTask()));
        });
        rules.put("getTaskHistory", (c, s, soft) -> {
            JsonPath history = ok(soft, c, "getTaskHistory",
                    as(c).queryParam("size", 200).get("/api/v1/tasks/" + s.ownTask() + "/history"));
            soft.assertThat(unitsIn(history)).as("%s: units in getTaskHistory", c).isEqualTo(s.seenInFull());
            soft.assertThat(history.getList("items.action", String.class)).as("%s: getTaskHistory", c).contains("CREATED");
            noSecretsBeyond(soft, c + ": getTaskHistory", history.prettify(), s);
            refused(soft, c, "getTaskHistory of a task without its unit",
                    as(c).get("/api/v1/tasks/" + s.foreignTask() + "/history"));
        });
        rules.put("getTaskProgress", (c, s, soft) -> {
            JsonPath progress = ok(soft, c, "getTaskProgress",
                    as(c).queryParam("size", 200).get("/api/v1/tasks/" + s.ownTask() + "/progress"));
            soft.assertThat(unitsIn(progress)).as("%s: units in getTaskProgress", c).isEqualTo(s.seenInFull());
            noSecretsBeyond(soft, c + ": getTaskProgress", progress.prettify(), s);
            refused(soft, c, "getTaskProgress of a task without its unit",
                    as(c).get("/api/v1/tasks/" + s.foreignTask() + "/progress"));
        });
        // plans and their counts are everybody's: they name no unit's work
        rules.put("listPlans", (c, s, soft) -> ok(soft, c, "listPlans", as(c).get("/api/v1/plans")));
        rules.put("getPlan", (c, s, soft) -> ok(soft, c, "getPlan", as(c).get("/api/v1/plans/" + planId)));
        rules.put("getPlanStats", (c, s, soft) -> soft.assertThat(ok(soft, c, "getPlanStats",
                as(c).get("/api/v1/stats/plans/" + planId)).getLong("total")).as("%s: getPlanStats", c).isEqualTo(2));
        // its own unit's row, feed and link only
        rules.put("getUnitStats", (c, s, soft) -> soft.assertThat(ok(soft, c, "getUnitStats",
                        as(c).queryParam("planId", planId).get("/api/v1/stats/units")).getList("items.unitId", String.class))
                .as("%s: getUnitStats", c).containsExactly(s.unit().toString()));
        rules.put("getUnitCalendar", (c, s, soft) -> {
            Response own = as(c).get("/api/v1/tasks/calendar.ics");
            soft.assertThat(own.statusCode()).as("%s: getUnitCalendar", c).isEqualTo(200);
            soft.assertThat(own.header("Content-Disposition")).as("%s: getUnitCalendar", c).contains(s.unit().toString());
            refused(soft, c, "getUnitCalendar of another unit",
                    as(c).queryParam("unitId", s.otherOnOwnTask()).get("/api/v1/tasks/calendar.ics"));
        });
        rules.put("getCalendarSubscription", (c, s, soft) -> {
            soft.assertThat(ok(soft, c, "getCalendarSubscription", as(c).get("/api/v1/tasks/calendar-subscription"))
                    .getString("unitId")).as("%s: getCalendarSubscription", c).isEqualTo(s.unit().toString());
            refused(soft, c, "getCalendarSubscription of another unit",
                    as(c).queryParam("unitId", s.otherOnOwnTask()).get("/api/v1/tasks/calendar-subscription"));
        });
        // the link's signature is its credential: a unit's token opens no feed, its own unit's or another's
        rules.put("getSubscribedCalendar", (c, s, soft) -> {
            for (UUID unit : List.of(s.unit(), s.otherOnOwnTask())) {
                soft.assertThat(as(c).get("/api/v1/tasks/calendar/" + unit + ".ics").statusCode())
                        .as("%s: getSubscribedCalendar without a signature", c).isBetween(400, 499);
            }
        });
        // plans, tasks and imports are the supervising office's: never a unit's, whatever else its token lists
        rules.put("createPlan", (c, s, soft) -> refused(soft, c, "createPlan", as(c).contentType("application/json")
                .body(Map.of("title", "单位建的计划", "year", 2034, "issuer", "x")).post("/api/v1/plans")));
        rules.put("updatePlan", (c, s, soft) -> refused(soft, c, "updatePlan", as(c).contentType("application/json")
                .header("If-Match", "\"999\"").body(Map.of("title", "单位改的计划", "year", 2034, "issuer", "x"))
                .put("/api/v1/plans/" + planId)));
        rules.put("deletePlan", (c, s, soft) -> refused(soft, c, "deletePlan",
                as(c).header("If-Match", "\"999\"").delete("/api/v1/plans/" + planId)));
        rules.put("importPlan", (c, s, soft) -> refused(soft, c, "importPlan", as(c).queryParam("dryRun", true)
                .contentType("text/plain; charset=UTF-8").body("二、重点任务").post("/api/v1/plans/import")));
        // parked events are the operators': they name every unit's tasks
        rules.put("listTasksServiceDeadLetters", (c, s, soft) -> refused(soft, c, "listTasksServiceDeadLetters",
                as(c).get("/api/v1/dead-letters/tasks-service")));
        rules.put("replayTasksServiceDeadLetter", (c, s, soft) -> refused(soft, c, "replayTasksServiceDeadLetter",
                as(c).post("/api/v1/dead-letters/tasks-service/" + UUID.randomUUID() + "/replay")));
        rules.put("createTask", (c, s, soft) -> refused(soft, c, "createTask", as(c).contentType("application/json")
                .body(Map.of("planId", planId, "code", "M-X", "category", "KEY_TASK", "title", "单位建的任务",
                        "leadUnitIds", List.of(s.unit()), "deadline", Map.of("kind", "ONGOING")))
                .post("/api/v1/tasks")));
        rules.put("updateTask", (c, s, soft) -> refused(soft, c, "updateTask", as(c).contentType("application/json")
                .header("If-Match", "\"999\"").body(Map.of("title", "单位改的标题")).patch("/api/v1/tasks/" + s.ownTask())));
        rules.put("deleteTask", (c, s, soft) -> refused(soft, c, "deleteTask",
                as(c).header("If-Match", "\"999\"").delete("/api/v1/tasks/" + s.ownTask())));
        // deciding on requests is never a unit's: not on a co-unit it coordinates, a unit beside it, nor its own
        rules.put("approveCompletion", (c, s, soft) -> {
            refused(soft, c, "approveCompletion of another unit",
                    as(c).post(assignmentPath(s.ownTask(), s.pendingCompletion()) + "/completion-request/approve"));
            ownCompletionRequest(soft, c, s, "approveCompletion of its own request", () -> as(c)
                    .post(assignmentPath(s.ownTask(), s.unit()) + "/completion-request/approve"));
        });
        rules.put("returnCompletion", (c, s, soft) -> {
            refused(soft, c, "returnCompletion of another unit", as(c).contentType("application/json")
                    .body(Map.of("reason", "单位退回"))
                    .post(assignmentPath(s.ownTask(), s.pendingCompletion()) + "/completion-request/return"));
            ownCompletionRequest(soft, c, s, "returnCompletion of its own request", () -> as(c)
                    .contentType("application/json").body(Map.of("reason", "单位退回"))
                    .post(assignmentPath(s.ownTask(), s.unit()) + "/completion-request/return"));
        });
        rules.put("approveExtension", (c, s, soft) -> {
            refused(soft, c, "approveExtension of another unit",
                    as(c).post(assignmentPath(s.ownTask(), s.pendingExtension()) + "/extension-request/approve"));
            ownExtensionRequest(soft, c, s, "approveExtension of its own request", () -> as(c)
                    .post(assignmentPath(s.ownTask(), s.unit()) + "/extension-request/approve"));
        });
        rules.put("rejectExtension", (c, s, soft) -> {
            refused(soft, c, "rejectExtension of another unit", as(c).contentType("application/json")
                    .body(Map.of("reason", "单位驳回"))
                    .post(assignmentPath(s.ownTask(), s.pendingExtension()) + "/extension-request/reject"));
            ownExtensionRequest(soft, c, s, "rejectExtension of its own request", () -> as(c)
                    .contentType("application/json").body(Map.of("reason", "单位驳回"))
                    .post(assignmentPath(s.ownTask(), s.unit()) + "/extension-request/reject"));
        });
        // reporting: on its own assignment only, and the answer shows the task as a read would
        rules.put("reportProgress", (c, s, soft) -> {
            Map<String, Object> report = Map.of("text", "矩阵进展", "percent", 40);
            checkShown(soft, c + ": reportProgress", ok(soft, c, "reportProgress", as(c).contentType("application/json")
                    .body(report).post(assignmentPath(s.ownTask(), s.unit()) + "/progress")).get(), s);
            refused(soft, c, "reportProgress on another unit's assignment", as(c).contentType("application/json")
                    .body(report).post(assignmentPath(s.ownTask(), s.otherOnOwnTask()) + "/progress"));
        });
        rules.put("requestCompletion", (c, s, soft) -> refused(soft, c, "requestCompletion for another unit",
                as(c).contentType("application/json").body(Map.of("evidence", "代办"))
                        .post(assignmentPath(s.ownTask(), s.otherOnOwnTask()) + "/completion-request")));
        rules.put("requestExtension", (c, s, soft) -> refused(soft, c, "requestExtension for another unit",
                as(c).contentType("application/json").body(Map.of("proposedDueDate", "2035-01-31", "reason", "代办"))
                        .post(assignmentPath(s.ownTask(), s.otherOnOwnTask()) + "/extension-request")));
        return rules;
    }

    @Test
    void everyOperationConfinesEveryKindOfUnitCaller() throws Exception {
        createScene();
        Set<String> documented = documentedOperations();
        Map<String, Rule> rules = rules();
        assertThat(rules.keySet()).as("a rule for unit callers for every operation of the document")
                .containsExactlyInAnyOrderElementsOf(documented);

        SoftAssertions soft = new SoftAssertions();
        for (String operation : documented) {
            for (UnitCaller caller : callers()) {
                rules.get(operation).check(caller, caller.scene(), soft);
            }
        }
        soft.assertAll();

        // and nothing a unit-bound caller was refused changed anything
        String shared = scenes.get(0).ownTask();
        String districts = scenes.get(2).ownTask();
        assertThat(statusOf(shared, scenes.get(0).pendingCompletion())).isEqualTo("COMPLETION_REQUESTED");
        assertThat(statusOf(shared, scenes.get(0).pendingExtension())).isEqualTo("EXTENSION_REQUESTED");
        assertThat(statusOf(districts, NANXUN)).isEqualTo("COMPLETION_REQUESTED");
        assertThat(statusOf(districts, DEQING)).isEqualTo("EXTENSION_REQUESTED");
        assertThat(TaskFixtures.count("SELECT count(*) FROM task WHERE plan_id = '" + planId + "'")).isEqualTo(2);
        assertThat(TaskFixtures.count("SELECT count(*) FROM plan WHERE title = '单位建的计划'")).isZero();
        given().when().get("/api/v1/plans/" + planId).then().statusCode(200);
    }

    /** The operationIds of the document this service serves (checked against the stored one by FoundationTest). */
    private static Set<String> documentedOperations() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json").when()
                .get("/q/openapi").then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> operations = new LinkedHashSet<>();
        paths.values().forEach(path -> path.values().forEach(operation -> {
            if (operation.get("operationId") != null) {
                operations.add(operation.get("operationId").toString());
            }
        }));
        return operations;
    }

    /**
     * The rule of README "Who may do what": the units the scene sees in full show everything, with their secrets
     * where they have some; every other unit shows status, light and percent only.
     */
    @SuppressWarnings("unchecked")
    private static void checkShown(SoftAssertions soft, String what, Map<?, ?> task, Scene scene) {
        if (task == null || task.get("assignments") == null) {
            return;
        }
        List<Map<String, Object>> assignments = (List<Map<String, Object>>) task.get("assignments");
        Set<UUID> full = new HashSet<>();
        for (Map<String, Object> assignment : assignments) {
            UUID unit = UUID.fromString(assignment.get("unitId").toString());
            String about = what + ", assignment of " + unit;
            soft.assertThat(assignment.get("status")).as(about).isNotNull();
            soft.assertThat(assignment.get("light")).as(about).isNotNull();
            if (scene.seenInFull().contains(unit)) {
                full.add(unit);
                soft.assertThat(assignment.get("detail")).as(about).isEqualTo("FULL");
                soft.assertThat(assignment.get("dueDate")).as(about).isNotNull();
            } else {
                soft.assertThat(assignment.get("detail")).as(about).isEqualTo("SUMMARY");
                for (String hidden : List.of("completionEvidence", "returnReason", "pendingExtension", "dueDate",
                        "completedAt")) {
                    soft.assertThat(assignment.get(hidden)).as(about + ": " + hidden).isNull();
                }
                soft.assertThat((List<Object>) assignment.get("completionLinks")).as(about + ": completionLinks")
                        .isEmpty();
            }
        }
        soft.assertThat(full).as(what + ": the units seen in full").isEqualTo(scene.seenInFull());
        noSecretsBeyond(soft, what, task.toString(), scene);
    }

    /** The answer carries no unit's secret beyond those of the units the scene sees in full. */
    private static void noSecretsBeyond(SoftAssertions soft, String what, String answer, Scene scene) {
        Set<String> allowed = scene.seenInFull().stream().map(MARKS::get).collect(Collectors.toSet());
        SECRETS.forEach((secret, whose) -> {
            if (allowed.stream().noneMatch(mark -> secret.startsWith(mark + "-"))) {
                soft.assertThat(answer).as(what + " must not show the " + whose).doesNotContain(secret);
            }
        });
    }

    private static Set<UUID> unitsIn(JsonPath items) {
        return items.getList("items.unitId", String.class).stream().filter(Objects::nonNull).map(UUID::fromString)
                .collect(Collectors.toSet());
    }

    private static String statusOf(String task, UUID unit) {
        return given().when().get("/api/v1/tasks/" + task).then().statusCode(200).extract()
                .path("assignments.find { it.unitId == '" + unit + "' }.status");
    }

    private static RequestSpecification as(UnitCaller caller) {
        return given().header("Authorization", TestTokens.bearer(caller.token())).when();
    }

    /** The answer's body when it is a 200, else a recorded failure and an empty body. */
    private static JsonPath ok(SoftAssertions soft, UnitCaller caller, String what, Response response) {
        soft.assertThat(response.statusCode()).as("%s: %s (%s)", caller, what, response.asString()).isEqualTo(200);
        return response.statusCode() == 200 ? response.jsonPath() : new JsonPath("{}");
    }

    /**
     * The caller requests completion of its own part (which it may), then {@code decision} is tried; a supervisor
     * then returns the request, so the part is reportable again for the next rule.
     */
    private static void ownCompletionRequest(SoftAssertions soft, UnitCaller caller, Scene scene, String what,
                                             Supplier<Response> decision) {
        String own = assignmentPath(scene.ownTask(), scene.unit());
        soft.assertThat(as(caller).contentType("application/json").body(Map.of("evidence", "矩阵自审证据"))
                .post(own + "/completion-request").statusCode()).as("%s: requestCompletion of its own part", caller)
                .isEqualTo(200);
        refused(soft, caller, what, decision.get());
        soft.assertThat(given().header("Authorization", TestTokens.bearer(TestTokens.supervisor()))
                .contentType("application/json").body(Map.of("reason", "矩阵复原")).when()
                .post(own + "/completion-request/return").statusCode()).as("%s: still to be decided", what).isEqualTo(200);
    }

    /** Like {@link #ownCompletionRequest}, for an extension, which a supervisor then rejects. */
    private static void ownExtensionRequest(SoftAssertions soft, UnitCaller caller, Scene scene, String what,
                                            Supplier<Response> decision) {
        String own = assignmentPath(scene.ownTask(), scene.unit());
        soft.assertThat(as(caller).contentType("application/json")
                .body(Map.of("proposedDueDate", "2035-01-31", "reason", "矩阵自审延期"))
                .post(own + "/extension-request").statusCode()).as("%s: requestExtension of its own part", caller)
                .isEqualTo(200);
        refused(soft, caller, what, decision.get());
        soft.assertThat(given().header("Authorization", TestTokens.bearer(TestTokens.supervisor()))
                .contentType("application/json").body(Map.of("reason", "矩阵复原")).when()
                .post(own + "/extension-request/reject").statusCode()).as("%s: still to be decided", what).isEqualTo(200);
    }

    private static void refused(SoftAssertions soft, UnitCaller caller, String what, Response response) {
        soft.assertThat(response.statusCode()).as("%s: %s", caller, what).isEqualTo(403);
        soft.assertThat(response.contentType()).as("%s: %s", caller, what).startsWith("application/problem+json");
    }
}
