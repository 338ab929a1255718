package cn.gov.supervision.gateway.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The answer to creating a key: the key, and its secret, which is shown this once and never again. */
public record CreatedApiKey(@JsonUnwrapped ApiKeyView key, String secret) {
}
