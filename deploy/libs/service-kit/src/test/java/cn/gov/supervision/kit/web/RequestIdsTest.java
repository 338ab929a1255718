package cn.gov.supervision.kit.web;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {

    @Test
    void aCallersSafeIdIsKeptAndAnythingElseGetsANewRandomUuid() {
        assertThat(RequestIds.acceptOrGenerate("client-42.a:b")).isEqualTo("client-42.a:b");
        Set<String> generated = new HashSet<>();
        for (String offered : new String[]{null, "", "bad id", "x".repeat(129), "日志"}) {
            String id = RequestIds.acceptOrGenerate(offered);
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).as(id).isEqualTo(4);
            assertThat(uuid.variant()).as(id).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
            generated.add(id);
        }
        assertThat(generated).hasSize(5);
    }
}
