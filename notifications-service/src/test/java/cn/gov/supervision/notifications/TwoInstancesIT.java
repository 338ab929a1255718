package cn.gov.supervision.notifications;

import cn.gov.supervision.notifications.service.ReminderWording;
import cn.gov.supervision.testkit.KafkaTestResource;
import cn.gov.supervision.testkit.NeighbourServices;
import cn.gov.supervision.testkit.PostgresTestResource;
import cn.gov.supervision.testkit.ServiceProcess;
import cn.gov.supervision.testkit.TestTokens;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static cn.gov.supervision.testkit.HuzhouUnits.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the packaged notifications-service on one database, both asked to run the same day at the same
 * time: every digest is stored once and every mail is sent once. Then one instance is stopped as an orchestrator
 * stops it (SIGTERM): it leaves its consumer groups as it goes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    /** The consumer groups of notifications-service (its EventSubscribers), each with a member in every instance. */
    private static final List<String> CONSUMER_GROUPS = List.of("notifications-service.tasks", "notifications-service.units");

    private static final String DATABASE = "notifications_two_instances_test";
    private static final List<ServiceProcess> INSTANCES = new ArrayList<>();
    /** Every service here checks bearer tokens; this test acts as the supervising office throughout. */
    private static final String ADMIN = TestTokens.bearer(TestTokens.admin());

    @BeforeAll
    static void startTwoInstances() throws Exception {
        GreenMail smtp = SmtpTestResource.smtp();
        String units = NeighbourServices.units("units_for_notifications_it").baseUrl();
        String tasks = NeighbourServices.tasks("tasks_for_notifications_it", "units_for_notifications_it").baseUrl();
        PostgresTestResource.ensureDatabase(DATABASE);
        for (int i = 0; i < 2; i++) {
            Map<String, String> environment = new HashMap<>(TestTokens.environment());
            environment.putAll(Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", PostgresTestResource.jdbcUrl(DATABASE),
                    // only the first instance starts from an empty database; the second joins it
                    "QUARKUS_FLYWAY_CLEAN_AT_START", i == 0 ? "true" : "false",
                    "QUARKUS_FLYWAY_CLEAN_DISABLED", "false",
                    "KAFKA_BOOTSTRAP_SERVERS", KafkaTestResource.sharedBroker().bootstrapServers(),
                    "QUARKUS_MAILER_HOST", "127.0.0.1",
                    "QUARKUS_MAILER_PORT", String.valueOf(smtp.getSmtp().getPort()),
                    "NOTIFICATIONS_ACK_SECRET", "two-instances-test",
                    "NOTIFICATIONS_SECRETS_KEY", SecretsKeyTestResource.KEY,
                    "NOTIFICATIONS_DELIVERY_POLL_INTERVAL", "200ms"));
            ServiceProcess instance = new ServiceProcess("notifications-service", environment);
            instance.start();
            INSTANCES.add(instance);
        }
        for (var unit : List.of(FGW, JSJ, GGB, ZFB, JYJ, WJW, STHJJ, JTYSJ, SGCC_HUZHOU, XFJ)) {
            String code = given().baseUri(units).header("Authorization", ADMIN).when().get("/api/v1/units/" + unit)
                    .then().extract().path("code");
            given().baseUri(units).header("Authorization", ADMIN).contentType("application/json")
                    .body(Map.of("contacts", List.of(Map.of("name", "联络员", "role", "联络员", "email", code + "@two.test"))))
                    .when().put("/api/v1/units/" + unit + "/contacts").then().statusCode(200);
        }
        String document;
        try (InputStream in = TwoInstancesIT.class.getResourceAsStream("/documents/huzhou-2022-work-plan.txt")) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> given().baseUri(tasks)
                .header("Authorization", ADMIN).contentType("text/plain; charset=UTF-8")
                .body(document.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/plans/import").then().extract().statusCode() == 201);
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM task_info") == 60
                && count("SELECT count(*) FROM unit_info WHERE contacts LIKE '%@two.test%'") == 10);
    }

    @AfterAll
    static void stopInstances() {
        INSTANCES.forEach(ServiceProcess::stop);
        SmtpTestResource.stopServer();
    }

    @Test
    @Order(1)
    void bothInstancesRunTheSameDayAndEveryDigestIsSentOnce() throws Exception {
        List<CompletableFuture<Integer>> runs = INSTANCES.stream().map(instance -> CompletableFuture.supplyAsync(() ->
                given().baseUri(instance.baseUrl()).header("Authorization", ADMIN).contentType("application/json")
                        .body(Map.of("date", "2022-09-23"))
                        .when().post("/api/v1/notifications/runs").then().statusCode(200)
                        .extract().<Integer>path("digestsCreated"))).toList();
        int created = runs.stream().mapToInt(CompletableFuture::join).sum();
        long stored = count("SELECT count(*) FROM digest WHERE day = '2022-09-23'");
        assertThat(created).as("the digests were created once, by one instance or split between both").isEqualTo((int) stored);
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM delivery WHERE status <> 'SENT'") == 0);

        GreenMail smtp = SmtpTestResource.smtp();
        List<String> recipients = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            // the subject shows the day as people read it (ReminderWording): 2022年9月23日
            if (message.getSubject().contains(" " + ReminderWording.date(LocalDate.of(2022, 9, 23)) + " ")) {
                for (var address : message.getAllRecipients()) {
                    recipients.add(address.toString());
                }
            }
        }
        assertThat(recipients).hasSize(10).doesNotHaveDuplicates();
        assertThat(count("SELECT count(*) FROM delivery_attempt")).isEqualTo(count("SELECT count(*) FROM delivery"));
    }

    /**
     * A consumer that only vanished would stay a member until its session timed out (45 s, Kafka's default), and
     * until then its group gives nobody its partitions, not even the replica started in its place.
     */
    @Test
    @Order(2)
    void aStoppedInstanceLeavesItsConsumerGroupsRatherThanWaitingToTimeOut() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestResource.sharedBroker().bootstrapServers()))) {
            // both instances' consumers, and nobody else's: any member a test JVM before this one left behind has
            // timed out by then
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> stableMembers(admin), members -> members.values().stream().allMatch(n -> n == 2));

            long stopping = System.nanoTime();
            INSTANCES.remove(1).stop();
            Duration stopped = Duration.ofNanos(System.nanoTime() - stopping);

            Map<String, Integer> after = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> stableMembers(admin), members -> members.values().stream().allMatch(n -> n == 1));
            assertThat(after).as("every group is down to the remaining instance's member, %s after the stop began "
                    + "(the stop itself took %s), long before a session could time out", Duration.ofNanos(
                    System.nanoTime() - stopping), stopped).containsOnlyKeys(CONSUMER_GROUPS);
        }
    }

    /** Members of each of {@link #CONSUMER_GROUPS} that is not rebalancing; a group that is counts as -1. */
    private static Map<String, Integer> stableMembers(Admin admin) throws Exception {
        Map<String, Integer> members = new HashMap<>();
        for (ConsumerGroupDescription group : admin.describeConsumerGroups(CONSUMER_GROUPS).all().get().values()) {
            members.put(group.groupId(), group.groupState() == GroupState.STABLE ? group.members().size() : -1);
        }
        return members;
    }

    private static long count(String sql) throws Exception {
        return PostgresTestResource.count(PostgresTestResource.jdbcUrl(DATABASE), sql);
    }
}
