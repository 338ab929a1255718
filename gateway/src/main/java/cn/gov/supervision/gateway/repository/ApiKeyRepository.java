package cn.gov.supervision.gateway.repository;

import cn.gov.supervision.gateway.domain.ApiKey;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    public Optional<ApiKey> findBySecretHash(String secretHash) {
        return find("secretHash", secretHash).firstResultOptional();
    }

    public List<ApiKey> listNewestFirst() {
        return listAll(Sort.descending("createdAt").and("id"));
    }

    /**
     * Records a use, at most once a minute per key: the edge looks a key up again only every few seconds (its cache),
     * and a write per lookup would still be more than "when was this key last used?" needs.
     */
    public void touch(UUID id, OffsetDateTime now) {
        update("lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?3)", now, id, now.minusMinutes(1));
    }
}
