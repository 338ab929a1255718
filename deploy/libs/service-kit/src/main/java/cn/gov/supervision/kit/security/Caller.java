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

    /** The size of every column that names an actor (VARCHAR(100): PostgreSQL counts characters, i.e. code points). */
    public static final int MAX_ACTOR_LENGTH = 100;

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

    /**
     * Who the caller is, as a key that stays the same for one person or API key (the token's subject), for rules
     * that compare who did what: readable names can repeat. Null for an anonymous caller.
     */
    public String subject() {
        if (identity.isAnonymous()) {
            return null;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    /**
     * Who to name in history: the token's subject, or its readable name when it has one, at most
     * {@link #MAX_ACTOR_LENGTH} characters (an identity provider sets no limit; a longer name must not fail the write).
     */
    public String actor() {
        if (identity.isAnonymous()) {
            return null;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            String name = token.getClaim("preferred_username");
            return shortened(name != null && !name.isBlank() ? name : token.getSubject());
        }
        return shortened(identity.getPrincipal().getName());
    }

    /** Cut at a code point, never inside a surrogate pair, and marked with an ellipsis so nobody takes it as whole. */
    static String shortened(String actor) {
        if (actor == null || actor.codePointCount(0, actor.length()) <= MAX_ACTOR_LENGTH) {
            return actor;
        }
        return actor.substring(0, actor.offsetByCodePoints(0, MAX_ACTOR_LENGTH - 1)) + "…";
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
