package cn.gov.supervision.notifications;

import cn.gov.supervision.testkit.KafkaTestResource;
import cn.gov.supervision.testkit.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Real infrastructure for every test of this module: the notifications_test database and a Kafka broker. */
@QuarkusTestResource(value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications_test"))
@QuarkusTestResource(KafkaTestResource.class)
public final class NotificationsTestResources {

    private NotificationsTestResources() {
    }
}
