package cn.gov.supervision.manifests;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/k8s/kafka-users.example.yaml: valid KafkaUsers whose ACLs let each service write only its own topics. */
class KafkaUsersExampleTest {

    private static RenderedManifests example() throws IOException {
        return RenderedManifests.parse(Files.readString(Repository.ROOT.resolve("deploy/k8s/kafka-users.example.yaml")));
    }

    @Test
    void aUserPerEventServiceThatPassesEveryCheck() throws IOException {
        RenderedManifests users = example();
        assertThat(users.all()).extracting(Manifest::name)
                .containsExactlyInAnyOrder("units-service", "tasks-service", "notifications-service");
        assertThat(Repository.VALIDATOR.validate(users)).isEmpty();
    }

    @Test
    void aUserThatMayWriteAnotherServicesTopicIsReported() throws IOException {
        RenderedManifests users = example();
        ArrayNode acls = (ArrayNode) users.find("KafkaUser", "units-service").orElseThrow().spec().path("authorization")
                .path("acls");
        ObjectNode foreign = acls.addObject();
        foreign.putObject("resource").put("type", "topic").put("name", "tasks.events").put("patternType", "literal");
        foreign.putArray("operations").add("Write");
        assertThat(Repository.VALIDATOR.validate(users)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(KafkaUserRule.RULE);
            assertThat(f.resource()).isEqualTo("KafkaUser/units-service");
            assertThat(f.message()).startsWith("may write [").contains("tasks.events").endsWith("but units-service produces [units.events]");
        });
    }

    @Test
    void aFieldStrimziDoesNotKnowIsReported() throws IOException {
        RenderedManifests users = example();
        ((ObjectNode) users.find("KafkaUser", "tasks-service").orElseThrow().spec().path("authentication"))
                .put("type", "mtls");
        assertThat(Repository.VALIDATOR.validate(users)).extracting(Finding::rule).containsExactly(OperatorSchemas.RULE);
    }
}
