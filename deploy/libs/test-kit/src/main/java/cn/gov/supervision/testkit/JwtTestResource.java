package cn.gov.supervision.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Makes the application under test trust {@link TestTokens}' key and issuer, as production trusts its provider's. */
public class JwtTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestTokens.config();
    }

    @Override
    public void stop() {
        // the key pair lives as long as the test JVM
    }
}
