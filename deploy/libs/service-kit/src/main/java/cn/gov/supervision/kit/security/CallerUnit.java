package cn.gov.supervision.kit.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;

/** The unit a token confines its bearer to, if any. */
final class CallerUnit {

    private CallerUnit() {
    }

    /**
     * A {@code unit} user, or an API key issued to one unit, acts for that unit only, whatever other roles the token
     * lists: the narrower reading wins. A {@code unit_id} that is not a UUID confines to nothing and (see
     * {@link CallerPermissions}) grants nothing either.
     */
    static Optional<UUID> of(JsonWebToken token) {
        Object claim = token.getClaim(Claims.UNIT_ID);
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(claim.toString().replace("\"", "").strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean confines(JsonWebToken token) {
        return token.containsClaim(Claims.API_KEY_ID) ? token.containsClaim(Claims.UNIT_ID)
                : token.getGroups().contains(Roles.UNIT);
    }
}
