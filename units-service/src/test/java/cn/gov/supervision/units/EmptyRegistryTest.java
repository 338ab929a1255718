package cn.gov.supervision.units;

import cn.gov.supervision.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** {@code units.registry.reference-units=none}: a city that fills its registry through the API starts empty. */
@QuarkusTest
@TestProfile(EmptyRegistryTest.NoReferenceUnits.class)
class EmptyRegistryTest {

    public static class NoReferenceUnits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("units.registry.reference-units", "none");
        }
    }

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @Test
    void startsEmptyAndResolvesOnlyWhatItIsGiven() {
        given().when().get("/api/v1/units").then().statusCode(200).body("total", equalTo(0));
        given().contentType("application/json").body(Map.of("names", List.of("市财政局", "各区县政府")))
                .when().post("/api/v1/units/resolve").then().statusCode(200)
                .body("results.status", contains("UNRESOLVED", "UNRESOLVED"));

        given().contentType("application/json")
                .body(Map.of("code", "city-czj", "name", "市财政局", "kind", "CITY_DEPARTMENT"))
                .when().post("/api/v1/units").then().statusCode(201);
        // no city is named, so no city's prefix is taken off: 湖州市财政局 is not this registry's 市财政局
        given().contentType("application/json").body(Map.of("names", List.of("市財政局", "湖州市财政局")))
                .when().post("/api/v1/units/resolve").then().statusCode(200)
                .body("results.status", contains("RESOLVED", "UNRESOLVED"));
    }
}
