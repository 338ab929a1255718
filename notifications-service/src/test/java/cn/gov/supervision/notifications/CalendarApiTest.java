package cn.gov.supervision.notifications;

import cn.gov.supervision.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class CalendarApiTest {

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @Test
    void theShippedArrangementsCountWorkingDays() {
        given().queryParam("from", "2022-10-01").queryParam("to", "2022-10-09")
                .when().get("/api/v1/calendar/workdays")
                .then().statusCode(200)
                .body("from", equalTo("2022-10-01")).body("to", equalTo("2022-10-09")).body("workdays", equalTo(2));
        given().queryParam("from", "2022-10-03").queryParam("to", "2022-10-03")
                .when().get("/api/v1/calendar/workdays").then().body("workdays", equalTo(0));
        given().queryParam("from", "2022-10-08").queryParam("to", "2022-10-09")
                .when().get("/api/v1/calendar/workdays").then().body("workdays", equalTo(2));
        given().queryParam("from", "2022-01-01").queryParam("to", "2022-12-31")
                .when().get("/api/v1/calendar/workdays").then().body("workdays", equalTo(249));
    }

    @Test
    void aYearShowsItsHolidaysAndMakeUpWorkdays() {
        given().when().get("/api/v1/calendar/2022")
                .then().statusCode(200)
                .body("year", equalTo(2022))
                .body("arranged", equalTo(true))
                .body("makeUpWorkdays.date", hasItem("2022-10-08"))
                .body("makeUpWorkdays.date", hasItem("2022-10-09"))
                .body("holidays.date", hasItem("2022-10-03"))
                .body("holidays.find { it.date == '2022-10-03' }.name", equalTo("国庆节"));
        given().when().get("/api/v1/calendar/2030")
                .then().statusCode(200).body("arranged", equalTo(false)).body("holidays", hasSize(0));
    }

    @Test
    void nextYearsArrangementCanBeEnteredAndIsUsedAtOnce() {
        given().contentType("application/json").body(Map.of("days", List.of(
                        Map.of("date", "2028-10-02", "kind", "HOLIDAY", "name", "國慶節"),
                        Map.of("date", "2028-10-07", "kind", "WORKDAY", "name", "国庆节"))))
                .when().put("/api/v1/calendar/2028")
                .then().statusCode(200)
                .body("arranged", equalTo(true))
                .body("holidays[0].name", equalTo("国庆节"))
                .body("makeUpWorkdays.date", equalTo(List.of("2028-10-07")));
        // 2028-10-02 is a Monday made a holiday, 2028-10-07 a Saturday made a working day
        given().queryParam("from", "2028-10-02").queryParam("to", "2028-10-08")
                .when().get("/api/v1/calendar/workdays").then().body("workdays", equalTo(5));
        given().contentType("application/json").body(Map.of("days", List.of()))
                .when().put("/api/v1/calendar/2028").then().statusCode(200).body("arranged", equalTo(false));
        given().queryParam("from", "2028-10-02").queryParam("to", "2028-10-08")
                .when().get("/api/v1/calendar/workdays").then().body("workdays", equalTo(5));
    }

    @Test
    void badCalendarInputIsAProblemAndChangesNothing() {
        given().contentType("application/json").body(Map.of("days", List.of(
                        Map.of("date", "2029-10-02", "kind", "HOLIDAY"),
                        Map.of("date", "2030-01-01", "kind", "HOLIDAY"))))
                .when().put("/api/v1/calendar/2029")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("days[1].date"));
        given().contentType("application/json").body(Map.of("days", List.of(
                        Map.of("date", "2029-10-02", "kind", "HOLIDAY"), Map.of("date", "2029-10-02", "kind", "WORKDAY"))))
                .when().put("/api/v1/calendar/2029").then().statusCode(400);
        given().contentType("application/json").body(Map.of("days", List.of(Map.of("date", "2029-10-02", "kind", "PARTY"))))
                .when().put("/api/v1/calendar/2029").then().statusCode(400);
        given().when().get("/api/v1/calendar/2029").then().body("arranged", equalTo(false));
        given().queryParam("from", "2022-10-09").queryParam("to", "2022-10-01")
                .when().get("/api/v1/calendar/workdays").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("from", "2022-10-01").when().get("/api/v1/calendar/workdays").then().statusCode(400);
        given().queryParam("from", "yesterday").queryParam("to", "2022-10-01")
                .when().get("/api/v1/calendar/workdays").then().statusCode(400);
        given().when().get("/api/v1/calendar/1999").then().statusCode(400);
    }
}
