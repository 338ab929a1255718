package cn.gov.supervision.kit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns a verified token into the permissions the resources ask for ({@link Permissions}). The roles an endpoint
 * checks are only ever ours: a permission name placed directly in a token's {@code groups} grants nothing, and
 * neither does a {@code unit} role without a {@code unit_id} to confine it to. A token confined to a unit earns at
 * most what the {@code unit} role grants, whatever other roles or scopes it lists: a unit reports on its own work
 * and never reviews it, nor writes plans, tasks, units or policy (separation of duties).
 *
 * <p>What a token earns is worked out once per verified token, not once per request: {@link VerifiedTokens} hands the
 * same {@link JsonWebToken} back for a repeated bearer token, and reading its claims again on every request was a
 * tenth of a read's CPU. The memory is keyed by that object's identity (weak keys: an entry goes with its token), so
 * a token only ever meets the roles worked out from its own claims, and it is bounded like {@link VerifiedTokens}.
 */
@ApplicationScoped
public class CallerPermissions implements SecurityIdentityAugmentor {

    /** What a unit-bound caller may hold at most: the {@code unit} role and its grants. */
    private static final Set<String> UNIT_AT_MOST = unitAtMost();

    /** Null when tokens are not remembered: every request then brings a token object of its own. */
    private final Cache<JsonWebToken, Set<String>> grantedByToken;

    @Inject
    public CallerPermissions(VerifiedTokensConfig config) {
        this(config.ttl().isNegative() || config.ttl().isZero() ? 0 : config.maxSize());
    }

    /** Remembers the roles of at most {@code remembered} tokens; none at 0. */
    CallerPermissions(int remembered) {
        this.grantedByToken = remembered > 0
                ? Caffeine.newBuilder().weakKeys().maximumSize(remembered).build()
                : null;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder granted = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addRoles(grantedByToken != null ? grantedByToken.get(token, CallerPermissions::grantedTo)
                        : grantedTo(token));
        return Uni.createFrom().item(granted.build());
    }

    /** The role names and permissions this token earns. */
    static Set<String> grantedTo(JsonWebToken token) {
        Set<String> granted = claimedBy(token);
        if (CallerUnit.confines(token)) {
            granted.retainAll(UNIT_AT_MOST);
        }
        return Set.copyOf(granted);
    }

    private static Set<String> unitAtMost() {
        Set<String> most = new HashSet<>(Roles.GRANTS.get(Roles.UNIT));
        most.add(Roles.UNIT);
        return Set.copyOf(most);
    }

    private static Set<String> claimedBy(JsonWebToken token) {
        Set<String> granted = new HashSet<>();
        if (token.containsClaim(Claims.API_KEY_ID)) {
            // a token minted by the gateway for an API key: exactly the key's scopes, whatever else it says
            String scope = token.getClaim(Claims.SCOPE);
            if (scope != null) {
                Arrays.stream(scope.trim().split("\\s+")).filter(Permissions.ALL::contains).forEach(granted::add);
            }
            return granted;
        }
        for (String role : token.getGroups()) {
            if (!Roles.ALL.contains(role) || (Roles.UNIT.equals(role) && CallerUnit.of(token).isEmpty())) {
                continue;
            }
            granted.add(role);
            granted.addAll(Roles.GRANTS.get(role));
        }
        return granted;
    }
}
