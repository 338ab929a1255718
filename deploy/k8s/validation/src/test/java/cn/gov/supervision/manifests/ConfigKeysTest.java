package cn.gov.supervision.manifests;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The keys a @ConfigMapping interface reads, and how environment variables name them. */
class ConfigKeysTest {

    @Test
    void keysOfAMappingWithNestedGroupsNamesAndMaps() {
        String source = """
                @ConfigMapping(prefix = "shop")
                public interface ShopConfig {
                    /** a comment with a method() in it; */
                    @WithDefault("UTC")
                    ZoneId timeZone();

                    @WithName("bootstrap.servers")
                    String bootstrapServers();

                    Optional<String> secretKey();

                    Delivery delivery();

                    Map<String, Upstream> upstreams();

                    interface Delivery {
                        @WithDefault("2s")
                        Duration pollInterval();
                    }

                    interface Upstream {
                        String url();
                    }
                }
                """;
        assertThat(ConfigKeys.keysOf(source)).containsExactlyInAnyOrder("shop.time-zone", "shop.bootstrap.servers",
                "shop.secret-key", "shop.delivery.poll-interval", "shop.upstreams.*.url");
    }

    @Test
    void environmentVariablesNameKeysAsQuarkusMapsThem() {
        assertThat(ConfigKeys.environmentName("quarkus.datasource.jdbc.url")).isEqualTo("QUARKUS_DATASOURCE_JDBC_URL");
        assertThat(ConfigKeys.environmentName("units-service.url")).isEqualTo("UNITS_SERVICE_URL");
        ConfigKeys gateway = ServiceModule.find(Repository.ROOT, "gateway").orElseThrow().configKeys();
        assertThat(gateway.readsEnvironmentVariable("GATEWAY_UPSTREAMS_TASKS_URL")).isTrue();
        assertThat(gateway.readsEnvironmentVariable("GATEWAY_TRUSTED_PROXIES")).isTrue();
        assertThat(gateway.readsEnvironmentVariable("GATEWAY_TRUSTED_PROXY")).isFalse();
        assertThat(gateway.readsEnvironmentVariable("UNITS_SERVICE_URL")).isFalse(); // tasks-service's importer reads it
    }

    @Test
    void theTopicsAreTheAsyncApiChannelsAndADeadLetterTopicPerConsumer() {
        assertThat(EventTopics.of(Repository.ROOT)).extracting(EventTopics.Topic::name).containsExactlyInAnyOrder(
                "units.events", "tasks.events", "notifications.events", "tasks-service.dead-letter",
                "notifications-service.dead-letter");
        assertThat(EventTopics.of(Repository.ROOT)).filteredOn(t -> t.name().equals("units.events")).singleElement()
                .satisfies(t -> {
                    assertThat(t.producer()).isEqualTo("units-service");
                    assertThat(t.consumers()).containsExactlyInAnyOrder("tasks-service", "notifications-service");
                });
    }
}
