package cn.gov.supervision.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The production overlay, as a site would apply it: valid, and shaped as deploy/README.md says. */
class ProductionOverlayTest {

    private static final Set<String> SERVICES = Set.of("units-service", "tasks-service", "notifications-service",
            "gateway");

    @Test
    void everyManifestPassesEveryCheck() {
        assertThat(Repository.VALIDATOR.validate(Repository.production())).isEmpty();
    }

    @Test
    void eachServiceRunsTwoReplicasWithAServiceABudgetAndItsSettings() {
        RenderedManifests manifests = Repository.production();
        for (String service : SERVICES) {
            assertThat(manifests.find("Deployment", service)).as(service)
                    .hasValueSatisfying(d -> assertThat(d.spec().path("replicas").asInt()).isEqualTo(2));
            assertThat(manifests.find("Service", service)).as(service).isPresent();
            assertThat(manifests.find("PodDisruptionBudget", service)).as(service).isPresent();
            assertThat(manifests.find("ConfigMap", service + "-config")).as(service).isPresent();
        }
        assertThat(names(manifests.ofKind("HorizontalPodAutoscaler"))).containsExactlyInAnyOrder("gateway", "tasks-service");
        assertThat(manifests.all()).allSatisfy(m -> assertThat(m.body().path("metadata").path("namespace").asText())
                .as(m.id()).isIn("supervision", ""));
    }

    @Test
    void onlyTheGatewayIsExposedAndEveryServiceAdmitsOnlyItsCallers() {
        RenderedManifests manifests = Repository.production();
        assertThat(manifests.ofKind("Ingress")).singleElement().satisfies(ingress -> assertThat(
                ingress.spec().findValues("service").stream().map(s -> s.path("name").asText()).distinct())
                .containsExactly("gateway"));
        assertThat(manifests.ofKind("Service")).allSatisfy(service ->
                assertThat(service.spec().path("type").asText("ClusterIP")).as(service.id()).isEqualTo("ClusterIP"));
        Set<String> guarded = manifests.ofKind("NetworkPolicy").stream()
                .map(policy -> policy.spec().path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText())
                .collect(Collectors.toSet());
        assertThat(guarded).isEqualTo(SERVICES);
    }

    @Test
    void kafkaHasThreeNodesAndATopicForEachOneTheServicesUse() {
        RenderedManifests manifests = Repository.production();
        assertThat(manifests.ofKind("KafkaNodePool")).singleElement().satisfies(pool -> {
            assertThat(pool.spec().path("replicas").asInt()).isEqualTo(3);
            assertThat(pool.spec().path("roles").toString()).contains("controller", "broker");
        });
        assertThat(manifests.ofKind("KafkaTopic").stream().map(t -> t.spec().path("topicName").asText()))
                .containsExactlyInAnyOrder("units.events", "tasks.events", "notifications.events",
                        "tasks-service.dead-letter", "notifications-service.dead-letter");
    }

    @Test
    void eachServiceDatabaseIsAThreeInstanceClusterWithNightlyBackupsAndWalArchive() {
        RenderedManifests manifests = Repository.production();
        List<String> databases = List.of("units-db", "tasks-db", "notifications-db", "gateway-db");
        assertThat(names(manifests.ofKind("Cluster"))).containsExactlyInAnyOrderElementsOf(databases);
        for (String database : databases) {
            Manifest cluster = manifests.find("Cluster", database).orElseThrow();
            assertThat(cluster.spec().path("instances").asInt()).isEqualTo(3);
            JsonNode store = cluster.spec().path("backup").path("barmanObjectStore");
            assertThat(store.path("destinationPath").asText()).startsWith("s3://");
            assertThat(manifests.ofKind("ScheduledBackup")).anySatisfy(backup ->
                    assertThat(backup.spec().path("cluster").path("name").asText()).isEqualTo(database));
        }
        // each service connects to the primary of its own cluster with the credentials CloudNativePG generates
        for (String service : SERVICES) {
            String database = service.replace("-service", "") + "-db";
            assertThat(manifests.find("ConfigMap", service + "-config").orElseThrow().body().path("data")
                    .path("QUARKUS_DATASOURCE_JDBC_URL").asText()).startsWith("jdbc:postgresql://" + database + "-rw:5432/");
            assertThat(manifests.find("Deployment", service).orElseThrow().body().toString())
                    .contains("\"name\":\"" + database + "-app\"");
        }
    }

    @Test
    void noSecretValueIsInTheManifests() {
        assertThat(Repository.production().ofKind("Secret")).isEmpty();
    }

    private static List<String> names(List<Manifest> manifests) {
        return manifests.stream().map(Manifest::name).toList();
    }
}
