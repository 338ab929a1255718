package cn.gov.supervision.units.api;

import cn.gov.supervision.units.domain.LinkRevocation;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One revocation of a unit's signed links: links made before it carry an older version and are refused. */
public record LinkRevocationView(UUID id, UUID unitId, long linkVersion, OffsetDateTime revokedAt, String revokedBy,
                                 String requestId) {

    public static LinkRevocationView of(LinkRevocation revocation) {
        return new LinkRevocationView(revocation.id, revocation.unitId, revocation.linkVersion, revocation.revokedAt,
                revocation.revokedBy, revocation.requestId);
    }
}
