package cn.gov.supervision.notifications.service;

import cn.gov.supervision.notifications.api.DigestItem;
import cn.gov.supervision.notifications.domain.Digest;
import cn.gov.supervision.notifications.domain.UnitInfo;
import cn.gov.supervision.notifications.repository.UnitInfoRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Reads a stored digest back as what the channels send: its unit, items and recipients. */
@ApplicationScoped
public class DigestMessages {

    private static final TypeReference<List<DigestItem>> ITEMS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final ObjectMapper objectMapper;
    private final UnitInfoRepository units;

    public DigestMessages(ObjectMapper objectMapper, UnitInfoRepository units) {
        this.objectMapper = objectMapper;
        this.units = units;
    }

    public List<DigestItem> items(Digest digest) {
        return read(digest.items, ITEMS);
    }

    public List<String> recipients(Digest digest) {
        return read(digest.recipients, STRINGS);
    }

    public String unitName(Digest digest) {
        UnitInfo unit = QuarkusTransaction.requiringNew().call(() -> units.findById(digest.unitId));
        return unit == null ? digest.unitId.toString() : unit.name;
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return objectMapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable digest content", e);
        }
    }
}
