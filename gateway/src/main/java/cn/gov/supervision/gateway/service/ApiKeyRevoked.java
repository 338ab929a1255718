package cn.gov.supervision.gateway.service;

import java.util.UUID;

/** Fired when a key is revoked, so that this replica's edge forgets it at once (the others within their cache TTL). */
public record ApiKeyRevoked(UUID keyId) {
}
