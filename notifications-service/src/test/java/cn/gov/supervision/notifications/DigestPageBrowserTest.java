package cn.gov.supervision.notifications;

import cn.gov.supervision.testkit.ReadableText;
import cn.gov.supervision.testkit.TestTokens;
import cn.gov.supervision.testkit.browser.Browser;
import cn.gov.supervision.testkit.browser.RenderedPage;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static cn.gov.supervision.testkit.HuzhouUnits.FGW;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest page as a person sees it in a real browser (Debian's headless Chromium, with the CJK fonts a phone has),
 * at phone width (390 px) and desktop width: the items with their light and where they stand, the 签收 button within
 * reach without scrolling sideways, and 签收 by clicking it. Screenshots land in {@code target/screenshots/}. One
 * browser for the class.
 */
@QuarkusTest
class DigestPageBrowserTest {

    /** The tenth overdue working day of the tasks due 9月底前; no other test runs this day. */
    static final String DAY = "2022-10-19";
    static final int PHONE = 390;
    static final int DESKTOP = 1280;
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Browser browser;

    @TestHTTPResource("/")
    URL service;

    @BeforeAll
    static void startTheBrowser() throws Exception {
        TestTokens.actAs(TestTokens.admin());
        assertThat(Browser.available()).as("Chromium at %s (installed by .ci/run)", Browser.executable()).isTrue();
        browser = Browser.start();
    }

    @AfterAll
    static void closeTheBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void atPhoneAndDesktopWidthThePageShowsTheItemsTheirLightAndA签收ButtonWithinReachAndClickingItAcknowledges()
            throws Exception {
        String id = DigestPageTest.digestOf(FGW, DAY);
        String link = address(DigestPageTest.pageLink(
                HuzhouDigestsTest.text(DigestPageTest.mailsTo(FGW, DAY).get(0)), id));
        List<String> codes = given().when().get("/api/v1/notifications/" + id).then().statusCode(200)
                .extract().path("items.code");
        List<String> titles = given().when().get("/api/v1/notifications/" + id).then().statusCode(200)
                .extract().path("items.title");

        for (int width : new int[] {PHONE, DESKTOP}) {
            RenderedPage page = browser.open(link, width);
            String seen = page.visibleText();
            assertThat(page.texts("li.item")).as("one card per item at %d px", width).hasSize(codes.size());
            codes.forEach(code -> assertThat(seen).contains("【" + code + "】"));
            titles.forEach(title -> assertThat(seen).contains(title));
            assertThat(page.texts("li.item .light")).as("every item shows its light in words")
                    .allMatch(t -> t.matches("● (红灯|黄灯|绿灯)")).contains("● 红灯");
            assertThat(page.style("li.red .light", "color")).as("a red light is red").isEqualTo("rgb(204, 0, 0)");
            assertThat(seen).contains("已逾期 10 个工作日").contains("下一步").contains("签收");
            assertThat(page.isShownWithinWidth("#acknowledge")).as("the 签收 button is visible within %d px", width)
                    .isTrue();
            assertThat(page.documentWidth()).as("no sideways scrolling at %d px", width)
                    .isLessThanOrEqualTo(page.viewportWidth());
            assertThat(ReadableText.latinWords(seen, Set.copyOf(titles))).as("English on the page").isEmpty();
            assertThat(Files.size(page.screenshot(SCREENSHOTS.resolve("digest-page-" + width + ".png"))))
                    .isPositive();
        }
        assertThat(AcknowledgementLinkTest.acknowledgedAt(id)).as("rendering the page acknowledged nothing").isNull();

        RenderedPage acknowledged = browser.open(link, PHONE).click("#acknowledge", true);
        assertThat(acknowledged.visibleText()).contains("已签收").contains("签收时间");
        assertThat(acknowledged.texts("#acknowledge")).as("no button once acknowledged").isEmpty();
        acknowledged.screenshot(SCREENSHOTS.resolve("digest-page-acknowledged-" + PHONE + ".png"));
        assertThat(AcknowledgementLinkTest.acknowledgedAt(id)).as("the click acknowledged the digest").isNotNull();
    }

    @Test
    void anExpiredLinkShowsAPageWithTheFreshLinkButtonWithinReachAtPhoneWidth() throws Exception {
        String id = DigestPageTest.digestOf(FGW, DAY);
        RenderedPage page = browser.open(address(DigestPageTest.signed(UUID.fromString(id), FGW,
                Instant.now().minusSeconds(60))), PHONE);
        assertThat(page.visibleText()).contains("链接已过期").contains("发送新链接到本单位邮箱");
        assertThat(page.isShownWithinWidth("#fresh-link")).isTrue();
        assertThat(page.documentWidth()).isLessThanOrEqualTo(page.viewportWidth());
        page.screenshot(SCREENSHOTS.resolve("link-expired-" + PHONE + ".png"));
    }

    private String address(String pathAndQuery) {
        return service.toString().replaceAll("/$", "") + pathAndQuery;
    }
}
