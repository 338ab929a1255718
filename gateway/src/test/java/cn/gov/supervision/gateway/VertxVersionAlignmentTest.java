package cn.gov.supervision.gateway;

import io.vertx.core.Vertx;
import io.vertx.httpproxy.HttpProxy;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * vertx-http-proxy is not managed by the Quarkus BOM, so the pom names its version; it must stay the vertx-core
 * version Quarkus brings, or the proxy runs against internals it was not built for.
 */
class VertxVersionAlignmentTest {

    @Test
    void theProxyIsBuiltForTheVertxThatQuarkusBrings() throws Exception {
        assertThat(mavenVersion(HttpProxy.class, "vertx-http-proxy")).isEqualTo(mavenVersion(Vertx.class, "vertx-core"));
    }

    private static String mavenVersion(Class<?> fromJar, String artifactId) throws Exception {
        try (InputStream in = fromJar.getClassLoader()
                .getResourceAsStream("META-INF/maven/io.vertx/" + artifactId + "/pom.properties")) {
            assertThat(in).as(artifactId + "'s pom.properties").isNotNull();
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }
}
