package cn.gov.supervision.units;

import cn.gov.supervision.testkit.ServiceFoundationChecks;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class FoundationTest extends ServiceFoundationChecks {

    @Override
    protected String expectedDatabase() {
        return "units_test";
    }

    @Override
    protected String jsonWritePath() {
        return "/api/v1/units";
    }

    @Override
    protected String pathWithMalformedParameter() {
        return "/api/v1/units/not-a-uuid";
    }

    @Test
    void wrongTypesUnknownEnumsAndBadParametersAreProblem400s() {
        given().contentType("application/json").body("{\"code\":\"abc\",\"name\":\"测试\",\"kind\":\"CASTLE\"}")
                .when().post("/api/v1/units")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("kind"))
                .body("detail", containsString("CITY_DEPARTMENT"));
        given().contentType("application/json").body("{\"code\":\"abc\",\"name\":[1,2],\"kind\":\"GROUP\"}")
                .when().post("/api/v1/units")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name"));
        given().when().get("/api/v1/units/not-a-uuid")
                .then().statusCode(400).body("detail", containsString("not-a-uuid"));
        given().contentType("application/json").body("{\"code\":\"nul-name\",\"name\":\"\\u0000局\",\"kind\":\"CITY_DEPARTMENT\"}")
                .when().post("/api/v1/units")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("name"));
        given().contentType("application/json").body("{\"names\":[\"市\\u0000局\"]}")
                .when().post("/api/v1/units/resolve")
                .then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/units?page=abc")
                .then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/units?kind=castle")
                .then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/units?size=1000")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
    }
}
