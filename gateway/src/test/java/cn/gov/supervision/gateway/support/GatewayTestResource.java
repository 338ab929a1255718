package cn.gov.supervision.gateway.support;

import cn.gov.supervision.testkit.PostgresTestResource;
import cn.gov.supervision.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * What the gateway under test needs whatever stands behind it: its own database (gateway_test, for API keys) and the
 * test key pair, trusted for bearer tokens and used to sign the tokens it mints for API keys, as the services
 * started beside it trust the same public key; and 127.0.0.1 as the trusted proxy in front of it.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "gateway_test";

    @Override
    public Map<String, String> start() {
        PostgresTestResource.ensureDatabase(DATABASE);
        Map<String, String> config = new HashMap<>(TestTokens.config());
        config.put("quarkus.datasource.jdbc.url", PostgresTestResource.jdbcUrl(DATABASE));
        config.put("smallrye.jwt.sign.key.location", TestTokens.privateKeyFile().toUri().toString());
        // the tests' own requests come from 127.0.0.1, playing the TLS terminator in front; 127.0.0.2 is a client
        config.put("gateway.trusted-proxies", "127.0.0.1/32");
        return config;
    }

    @Override
    public void stop() {
    }
}
