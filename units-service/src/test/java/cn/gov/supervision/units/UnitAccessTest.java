package cn.gov.supervision.units;

import cn.gov.supervision.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static cn.gov.supervision.testkit.HuzhouUnits.FGW;
import static cn.gov.supervision.testkit.HuzhouUnits.WUXING;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Who may read and change the registry: every role reads, only the supervising office (admin) changes it. */
@QuarkusTest
class UnitAccessTest {

    @Test
    void everyRoleReadsTheRegistry() {
        for (String token : new String[] {TestTokens.admin(), TestTokens.supervisor(), TestTokens.viewer(),
                TestTokens.unit(WUXING)}) {
            given().header("Authorization", TestTokens.bearer(token)).when().get("/api/v1/units/" + FGW)
                    .then().statusCode(200).body("name", equalTo("市发展改革委"));
            given().header("Authorization", TestTokens.bearer(token)).contentType("application/json")
                    .body(Map.of("names", new String[] {"市发改委"}))
                    .when().post("/api/v1/units/resolve")
                    .then().statusCode(200).body("results[0].unit.id", equalTo(FGW.toString()));
        }
    }

    @Test
    void onlyTheAdminChangesTheRegistryAndNothingChangesOnARefusal() {
        String code = "access-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> unit = Map.of("code", code, "name", "权限测试局" + code, "kind", "CITY_DEPARTMENT");
        for (String token : new String[] {TestTokens.supervisor(), TestTokens.viewer(), TestTokens.unit(WUXING)}) {
            given().header("Authorization", TestTokens.bearer(token)).contentType("application/json").body(unit)
                    .when().post("/api/v1/units")
                    .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
            given().header("Authorization", TestTokens.bearer(token)).when().post("/api/v1/units/republish")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().header("Authorization", TestTokens.bearer(TestTokens.admin())).queryParam("q", code)
                .when().get("/api/v1/units").then().statusCode(200).body("total", equalTo(0));

        TestTokens.anonymous().contentType("application/json").body(unit).when().post("/api/v1/units")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(TestTokens.admin())).contentType("application/json")
                .body(unit).when().post("/api/v1/units")
                .then().statusCode(201).body("code", equalTo(code));
    }

    @Test
    void aUnitRoleWithoutAUnitIsGrantedNothing() {
        given().header("Authorization", TestTokens.bearer(TestTokens.person("nobody", "unit", null)))
                .when().get("/api/v1/units/" + FGW)
                .then().statusCode(403).contentType("application/problem+json");
        // a permission name placed in groups is not a role of ours
        given().header("Authorization", TestTokens.bearer(TestTokens.person("sly", "units:write", null)))
                .when().get("/api/v1/units/" + FGW)
                .then().statusCode(403);
    }
}
