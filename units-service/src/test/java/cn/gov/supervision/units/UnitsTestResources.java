package cn.gov.supervision.units;

import cn.gov.supervision.testkit.JwtTestResource;
import cn.gov.supervision.testkit.KafkaTestResource;
import cn.gov.supervision.testkit.PostgresTestResource;
import cn.gov.supervision.testkit.contract.ContractValidationTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Real infrastructure for every test of this module: the units_test database and a Kafka broker, and
 * the test key pair its bearer tokens are signed with. */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "units_test"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@QuarkusTestResource(ContractValidationTestResource.class)
public final class UnitsTestResources {

    private UnitsTestResources() {
    }
}
