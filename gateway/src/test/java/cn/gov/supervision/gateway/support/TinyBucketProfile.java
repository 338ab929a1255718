package cn.gov.supervision.gateway.support;

import java.util.HashMap;
import java.util.Map;

/**
 * The stub upstreams behind a rate limit of three requests, refilled at one a second, and two refused API keys per
 * address, refilled at one a second.
 */
public class TinyBucketProfile extends StubUpstreamsProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("gateway.rate-limit.capacity", "3");
        config.put("gateway.rate-limit.refill-tokens", "1");
        config.put("gateway.rate-limit.refill-period", "1s");
        config.put("gateway.auth.refused-key-burst", "2");
        config.put("gateway.auth.refused-key-refill", "1s");
        return config;
    }
}
