package cn.gov.supervision.tasks;

import cn.gov.supervision.testkit.JwtTestResource;
import cn.gov.supervision.testkit.KafkaTestResource;
import cn.gov.supervision.testkit.PostgresTestResource;
import cn.gov.supervision.testkit.UnitsServiceTestResource;
import cn.gov.supervision.testkit.contract.ContractValidationTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Real infrastructure for every test of this module: tasks_test, a Kafka broker, the real units-service, and the test
 * key pair bearer tokens are signed with (trusted by this service and by units-service alike).
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "tasks_test"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = UnitsServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "units_for_tasks_test"))
@QuarkusTestResource(JwtTestResource.class)
@QuarkusTestResource(ContractValidationTestResource.class)
public final class TasksTestResources {

    private TasksTestResources() {
    }
}
