package cn.gov.supervision.notifications;

import cn.gov.supervision.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.gov.supervision.testkit.HuzhouUnits.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * The acknowledgement link in a reminder mail, followed as a person (or a mail scanner) would: it opens a page with the
 * digest and a 签收 button, and only that button (a POST) acknowledges. A link that was altered, or whose unit's links
 * an administrator revoked, opens a Chinese page that says so, and acknowledges nothing.
 */
@QuarkusTest
class AcknowledgementLinkTest {

    /** Three working days before 9月底前: JYJ, STHJJ, JTYSJ and SGCC_HUZHOU each get a digest; no other test runs it. */
    static final String DAY = "2022-09-27";

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @Test
    void theLinkOpensAPageAndOnlyTheButtonOnItAcknowledges() throws Exception {
        String id = digestOf(JYJ);
        String link = linkInMail(JYJ, id);

        // a mail scanner fetching the link, twice: nothing is acknowledged
        for (int fetch = 0; fetch < 2; fetch++) {
            open(link).statusCode(200);
            assertThat(acknowledgedAt(id)).as("opening the link (GET) acknowledged the digest").isNull();
        }
        String page = open(link).statusCode(200).contentType("text/html")
                .header("Cache-Control", "no-store")
                .body(containsString("签收")).body(containsString("附件1-9")).body(containsString("市教育局"))
                .extract().asString();
        assertThat(page).doesNotContainIgnoringCase("<script");
        Matcher form = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"").matcher(page);
        assertThat(form.find()).as("the page has a 签收 form that POSTs").isTrue();
        Map<String, String> fields = hiddenFields(page);
        assertThat(fields).containsOnlyKeys("v", "exp", "token");

        // the button: what the browser sends when it is pressed
        TestTokens.anonymous().contentType(ContentType.URLENC).formParams(fields).when().post(form.group(1))
                .then().statusCode(200).contentType("text/html").body(containsString("已签收"))
                .body(not(containsString("<form")));
        String first = acknowledgedAt(id);
        assertThat(first).as("the 签收 button acknowledged the digest").isNotNull();
        assertThat(HuzhouPlanFixture.count("SELECT count(*) FROM digest WHERE id = '" + id
                + "' AND acknowledged_by = 'e-mail link'")).isEqualTo(1);

        // pressing it again (or reloading the answer) is harmless: the first time is kept
        TestTokens.anonymous().contentType(ContentType.URLENC).formParams(fields).when().post(form.group(1))
                .then().statusCode(200).body(containsString("已签收"));
        assertThat(acknowledgedAt(id)).isEqualTo(first);
        open(link).statusCode(200).body(containsString("已签收")).body(not(containsString("<form")));
    }

    @Test
    void anAlteredOrIncompleteLinkOpensAPageSayingSoAndAcknowledgesNothing() throws Exception {
        String id = digestOf(SGCC_HUZHOU);
        String link = linkInMail(SGCC_HUZHOU, id);
        String other = digestOf(JTYSJ);
        URI uri = URI.create(link);
        Map<String, String> query = query(uri);
        String token = query.get("token");
        for (String altered : new String[] {
                link.replace("token=" + token, "token=" + (token.startsWith("0") ? "1" : "0") + token.substring(1)),
                link.replace("v=" + query.get("v"), "v=" + (Long.parseLong(query.get("v")) + 1)),
                link.replace("exp=" + query.get("exp"), "exp=" + (Long.parseLong(query.get("exp")) + 86_400)),
                link.replace("exp=" + query.get("exp"), "exp=soon"),
                link.replace(id, other),
                uri.getPath(),
                uri.getPath() + "?token=" + token}) {
            refused(open(altered), 403, "链接无效");
            refused(press(altered), 403, "链接无效");
        }
        refused(open("/api/v1/notifications/" + UUID.randomUUID() + "/ack?" + uri.getRawQuery()), 403, "链接无效");
        assertThat(acknowledgedAt(id)).isNull();
        assertThat(acknowledgedAt(other)).isNull();
    }

    @Test
    void revokingAUnitsLinksRefusesItsMailedLinksButNotAnotherUnits() throws Exception {
        String id = digestOf(STHJJ);
        String link = linkInMail(STHJJ, id);
        String other = digestOf(JTYSJ);
        String otherLink = linkInMail(JTYSJ, other);
        open(link).statusCode(200);

        String unitsService = ConfigProvider.getConfig().getValue("test.units-service.url", String.class);
        given().baseUri(unitsService).header("Authorization", TestTokens.bearer(TestTokens.admin()))
                .when().post("/api/v1/units/" + STHJJ + "/link-revocations").then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> TestTokens.anonymous().urlEncodingEnabled(false)
                .when().get(link).then().extract().statusCode() == 410);
        refused(open(link), 410, "链接已停用");
        refused(press(link), 410, "链接已停用");
        assertThat(acknowledgedAt(id)).isNull();
        open(otherLink).statusCode(200).body(containsString("<form"));
    }

    static ValidatableResponse open(String link) {
        return TestTokens.anonymous().urlEncodingEnabled(false).when().get(link).then();
    }

    /** A 签收 form built from a link's parts, as a forged or stale page would send it. */
    static ValidatableResponse press(String link) {
        URI uri = URI.create(link);
        return TestTokens.anonymous().contentType(ContentType.URLENC).formParams(query(uri))
                .when().post(uri.getPath() + "/confirm").then();
    }

    /**
     * A page that says why the link was refused and has no 签收 form; an expired link's page offers only the form that
     * asks for a fresh link.
     */
    static void refused(ValidatableResponse response, int status, String says) {
        response.statusCode(status).contentType("text/html").body(containsString(says))
                .body(not(containsString("/ack/confirm")));
        String page = response.extract().asString();
        if (says.equals("链接已过期")) {
            assertThat(page).contains("/ack/fresh-link").containsOnlyOnce("<form");
        } else {
            assertThat(page).doesNotContain("<form");
        }
    }

    /** The day's digest of {@code unit}, made by the day's run (idempotent). */
    static String digestOf(UUID unit) throws Exception {
        return DigestPageTest.digestOf(unit, DAY);
    }

    /** The acknowledgement link in the mail the unit's 联络员 received, as a path with its query. */
    static String linkInMail(UUID unit, String digestId) throws Exception {
        String address = HuzhouPlanFixture.code(unit) + "@huzhou.test";
        await().atMost(Duration.ofSeconds(30)).until(() ->
                HuzhouDigestsTest.messagesTo(SmtpTestResource.smtp(), address, DAY).size() == 1);
        String mail = HuzhouDigestsTest.text(HuzhouDigestsTest.messagesTo(SmtpTestResource.smtp(), address, DAY).get(0));
        Matcher link = Pattern.compile("http://localhost:8080(/api/v1/notifications/" + digestId + "/ack\\?[^\\s\"<>]+)")
                .matcher(mail);
        assertThat(link.find()).as("the mail carries its acknowledgement link").isTrue();
        return link.group(1).replace("&amp;", "&");
    }

    static String acknowledgedAt(String id) {
        return given().when().get("/api/v1/notifications/" + id).then().statusCode(200).extract().path("acknowledgedAt");
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return parameters;
    }

    private static Map<String, String> hiddenFields(String page) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        Matcher input = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(page);
        while (input.find()) {
            fields.put(input.group(1), input.group(2));
        }
        return fields;
    }
}
