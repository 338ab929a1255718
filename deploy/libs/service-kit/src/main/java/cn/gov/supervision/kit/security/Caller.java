package cn.gov.supervision.kit.security;

import cn.gov.supervision.kit.problem.ProblemException;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;

/**
 * The caller of the current request, as its verified token says. Endpoints check permissions declaratively; what
 * depends on the record (is this the caller's own assignment?) is checked here by the services.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The unit this caller may act for only, or empty when it is not confined to one (admin, supervisor, viewer). */
    public Optional<UUID> confinedUnit() {
        if (!(identity.getPrincipal() instanceof JsonWebToken token) || !CallerUnit.confines(token)) {
            return Optional.empty();
        }
        // confined but without a readable unit: confined to a unit that owns nothing
        return Optional.of(CallerUnit.of(token).orElse(new UUID(0, 0)));
    }

    /** Refuses with 403 unless the caller may act for {@code unitId}. */
    public void requireUnit(UUID unitId, String what) {
        Optional<UUID> own = confinedUnit();
        if (own.isPresent() && !own.get().equals(unitId)) {
            throw ProblemException.forbidden("This caller acts for unit " + own.get() + " and may not " + what
                    + " of unit " + unitId);
        }
    }

    public boolean has(String permission) {
        return identity.hasRole(permission);
    }

    /** Who to name in history: the token's subject, or its readable name when it has one. */
    public String actor() {
        if (identity.isAnonymous()) {
            return null;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String name = token.getClaim("preferred_username");
            return name != null && !name.isBlank() ? name : token.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    /** The actor of the request in progress, or null outside a request (event consumers, scheduled runs). */
    public static String currentActor() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return null;
        }
        return container.instance(Caller.class).get().actor();
    }
}
