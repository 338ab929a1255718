package cn.gov.supervision.notifications;

import cn.gov.supervision.testkit.PostgresTestResource;
import cn.gov.supervision.testkit.TestTokens;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static cn.gov.supervision.testkit.HuzhouUnits.*;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Once per test JVM: every reference unit gets a 联络员 (code@huzhou.test) and a 分管领导 (code-leader@huzhou.test),
 * the Huzhou 2022 plan is imported into the real tasks-service, and this service has consumed all of it. The neighbours
 * check tokens as this service does, so the fixture calls them as an administrator, whoever the test acts as.
 */
public final class HuzhouPlanFixture {

    private static final Map<UUID, String> CODES = new TreeMap<>();
    private static String tasksUrl;

    private HuzhouPlanFixture() {
    }

    /** Returns tasks-service's address. */
    public static synchronized String ensureImported() throws Exception {
        if (tasksUrl != null) {
            return tasksUrl;
        }
        String unitsUrl = ConfigProvider.getConfig().getValue("test.units-service.url", String.class);
        String tasks = ConfigProvider.getConfig().getValue("test.tasks-service.url", String.class);
        String admin = TestTokens.bearer(TestTokens.admin());
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM unit_info") >= COUNT);
        for (UUID unit : allReferenceUnits()) {
            String code = given().baseUri(unitsUrl).header("Authorization", admin)
                    .when().get("/api/v1/units/" + unit).then().statusCode(200)
                    .extract().path("code");
            CODES.put(unit, code);
            given().baseUri(unitsUrl).header("Authorization", admin).contentType("application/json")
                    .body(Map.of("contacts", List.of(
                            Map.of("name", "联络员" + code, "role", "联络员", "email", code + "@huzhou.test"),
                            Map.of("name", "领导" + code, "role", "分管领导", "email", code + "-leader@huzhou.test"))))
                    .when().put("/api/v1/units/" + unit + "/contacts").then().statusCode(200);
        }
        String document;
        try (InputStream in = HuzhouPlanFixture.class.getResourceAsStream("/documents/huzhou-2022-work-plan.txt")) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // tasks-service learns the units from units.events too; until it has, the import names unknown units
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> given().baseUri(tasks)
                .header("Authorization", admin).contentType("text/plain; charset=UTF-8")
                .body(document.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/plans/import").then().extract().statusCode() == 201);
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM task_info") == 60
                && count("SELECT count(*) FROM unit_info WHERE contacts LIKE '%@huzhou.test%'") >= COUNT);
        tasksUrl = tasks;
        return tasksUrl;
    }

    public static String code(UUID unit) {
        return CODES.get(unit);
    }

    public static long count(String sql) throws Exception {
        return PostgresTestResource.count(
                ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class), sql);
    }

    private static List<UUID> allReferenceUnits() {
        return List.of(FGW, CZJ, JSJ, GGB, SCJGJ, SWJ, ZFB, RLSBJ, JYJ, WJW, STHJJ, JTYSJ, XWCMZX, JXJ, DSJJ, XFJ, WXB,
                SFJ, ZRZYGHJ, WUXING, NANXUN, DEQING, CHANGXING, ANJI, NANTAIHU, SGCC_HUZHOU, DISTRICTS,
                CITY_DEPARTMENTS, CITY_RELEVANT_DEPARTMENTS);
    }
}
