package cn.gov.supervision.notifications;

import cn.gov.supervision.testkit.JwtTestResource;
import cn.gov.supervision.testkit.KafkaTestResource;
import cn.gov.supervision.testkit.PostgresTestResource;
import cn.gov.supervision.testkit.TasksServiceTestResource;
import cn.gov.supervision.testkit.contract.ContractValidationTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Real infrastructure for every test of this module: the notifications_test database, a Kafka broker, the real
 * tasks-service and units-service feeding it events, a real SMTP server, the test key pair its bearer tokens
 * are signed with, and the key webhook secrets are encrypted with.
 */
@QuarkusTestResource(value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications_test"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = TasksServiceTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "tasks_for_notifications_test"),
        @ResourceArg(name = "unitsDatabase", value = "units_for_notifications_test")})
@QuarkusTestResource(SmtpTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@QuarkusTestResource(ContractValidationTestResource.class)
@QuarkusTestResource(SecretsKeyTestResource.class)
public final class NotificationsTestResources {

    private NotificationsTestResources() {
    }
}
