package cn.gov.supervision.notifications.service;

import cn.gov.supervision.notifications.HuzhouPlanFixture;
import cn.gov.supervision.notifications.LoopbackReceiver;
import cn.gov.supervision.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static cn.gov.supervision.notifications.TestHostResolver.RECEIVER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deliveries are sent once even when a batch outlasts its lease and another worker (another replica) takes over, and
 * slow webhooks do not hold up the mail. The test configuration's lease is short (10 s) so that a batch of slow
 * webhooks outlasts it.
 */
@QuarkusTest
class DeliveryLeaseTest {

    private static final String SECRET = "a-webhook-secret-of-32-characters";
    /** Days no other test runs, so that the webhooks registered here receive every digest of the day. */
    private static final String RACE_DAY = "2022-08-31";
    private static final String MAIL_DAY = "2022-11-23";

    @Inject
    DeliveryWorker worker;

    @ConfigProperty(name = "notifications.delivery.lease")
    Duration lease;

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @Test
    void twoWorkersRacingPastTheLeaseSendEveryWebhookDeliveryOnce() throws Exception {
        HuzhouPlanFixture.ensureImported();
        Duration slow = Duration.ofSeconds(2);
        ScheduledExecutorService secondWorker = Executors.newSingleThreadScheduledExecutor();
        String webhookId = null;
        try (LoopbackReceiver receiver = LoopbackReceiver.start(request -> {
            // a slow receiving system: a batch of these outlasts the lease (a delay under test, not a wait)
            Thread.sleep(slow.toMillis());
            return LoopbackReceiver.Reply.of(204);
        })) {
            webhookId = register(receiver.url(RECEIVER, "/slow"));
            int digests = run(RACE_DAY);
            assertThat(slow.multipliedBy(digests)).as("%d slow sends outlast the lease", digests)
                    .isGreaterThan(lease.plus(slow.multipliedBy(2)));
            // this instance's worker has the batch; a second worker, as on another replica, joins in
            secondWorker.scheduleWithFixedDelay(worker::deliverDue, 0, 100, TimeUnit.MILLISECONDS);
            String unsent = "SELECT count(*) FROM delivery WHERE webhook_id = '" + webhookId + "' AND status <> 'SENT'";
            await().atMost(Duration.ofSeconds(120)).until(() -> HuzhouPlanFixture.count(unsent) == 0);
            secondWorker.shutdown();
            assertThat(secondWorker.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            Map<String, Long> sendsPerDelivery = receiver.requests().stream()
                    .collect(Collectors.groupingBy(r -> r.header("X-Delivery-Id"), Collectors.counting()));
            assertThat(sendsPerDelivery).as("sends per delivery").hasSize(digests)
                    .allSatisfy((delivery, sends) -> assertThat(sends).as("sends of %s", delivery).isEqualTo(1));
            receiver.requests().forEach(r ->
                    assertThat(r.header("Idempotency-Key")).isEqualTo(r.header("X-Delivery-Id")));
        } finally {
            secondWorker.shutdownNow();
            if (webhookId != null) {
                given().when().delete("/api/v1/notifications/webhooks/" + webhookId).then().statusCode(204);
            }
        }
    }

    @Test
    void aWebhookThatHangsDoesNotHoldUpTheMail() throws Exception {
        HuzhouPlanFixture.ensureImported();
        String unsentMail = "SELECT count(*) FROM delivery d JOIN digest g ON g.id = d.digest_id WHERE g.day = '"
                + MAIL_DAY + "' AND d.channel = 'EMAIL' AND d.status <> 'SENT'";
        CountDownLatch released = new CountDownLatch(1);
        List<Long> unsentMailAtEachRequest = new CopyOnWriteArrayList<>();
        String webhookId = null;
        try (LoopbackReceiver receiver = LoopbackReceiver.start(request -> {
            unsentMailAtEachRequest.add(HuzhouPlanFixture.count(unsentMail));
            // hangs until the test is done: each send waits for the whole webhook timeout
            released.await(2, TimeUnit.MINUTES);
            return LoopbackReceiver.Reply.of(204);
        })) {
            webhookId = register(receiver.url(RECEIVER, "/hangs"));
            String unsent = "SELECT count(*) FROM delivery WHERE webhook_id = '" + webhookId + "' AND status <> 'SENT'";
            try {
                int digests = run(MAIL_DAY);
                // mail and webhook deliveries are stored digest by digest: one worker for both would send a mail,
                // wait out a webhook, send the next mail...
                assertThat(digests).as("digests on %s", MAIL_DAY).isGreaterThanOrEqualTo(4);
                // the third webhook request comes only once two have timed out: every mail is sent by then
                await().atMost(Duration.ofSeconds(90)).until(() -> unsentMailAtEachRequest.size() >= 3);
                assertThat(unsentMailAtEachRequest.get(2)).as("mails of %s not yet sent when the webhook's third "
                        + "request arrived", MAIL_DAY).isZero();
            } finally {
                released.countDown();
                // every delivery of this webhook succeeds before it goes, so that no retry outlives this test
                await().atMost(Duration.ofSeconds(60)).until(() -> HuzhouPlanFixture.count(unsent) == 0);
            }
        } finally {
            if (webhookId != null) {
                given().when().delete("/api/v1/notifications/webhooks/" + webhookId).then().statusCode(204);
            }
        }
    }

    /** A webhook for every unit's digests. */
    private static String register(String url) {
        return given().contentType("application/json").body(Map.of("url", url, "secret", SECRET))
                .when().post("/api/v1/notifications/webhooks").then().statusCode(201).extract().path("id");
    }

    private static int run(String day) {
        return given().contentType("application/json").body(Map.of("date", day))
                .when().post("/api/v1/notifications/runs").then().statusCode(200).extract().path("digestsCreated");
    }
}
