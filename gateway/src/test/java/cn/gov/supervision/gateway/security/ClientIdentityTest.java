package cn.gov.supervision.gateway.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class ClientIdentityTest {

    @Test
    void theSubjectOfABearerTokenIsReadWithoutVerification() {
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sub\":\"zhang.san\",\"iat\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(ClientIdentity.bearerSubject("Bearer eyJhbGciOiJSUzI1NiJ9." + payload + ".sig")).isEqualTo("zhang.san");
        assertThat(ClientIdentity.bearerSubject("bearer x." + payload + ".y")).isEqualTo("zhang.san");
    }

    @Test
    void anythingElseHasNoSubject() {
        assertThat(ClientIdentity.bearerSubject(null)).isNull();
        assertThat(ClientIdentity.bearerSubject("Basic dXNlcjpwYXNz")).isNull();
        assertThat(ClientIdentity.bearerSubject("Bearer opaque-token")).isNull();
        assertThat(ClientIdentity.bearerSubject("Bearer a.!!!.c")).isNull();
        String noSub = Base64.getUrlEncoder().encodeToString("{\"iss\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(ClientIdentity.bearerSubject("Bearer a." + noSub + ".c")).isNull();
    }
}
