package cn.gov.supervision.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CallerPermissionsTest {

    private static final String UNIT_ID = "f2a77c3b-e192-5206-8d80-10907d4acb13";

    /** A verified token that counts how often its claims are read. */
    private static final class CountingToken implements JsonWebToken {
        private final Map<String, Object> claims;
        final AtomicInteger reads = new AtomicInteger();

        CountingToken(Map<String, Object> claims) {
            this.claims = claims;
        }

        @Override
        public String getName() {
            return "zhang.san";
        }

        @Override
        public Set<String> getClaimNames() {
            reads.incrementAndGet();
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            reads.incrementAndGet();
            return (T) claims.get(claimName);
        }
    }

    private static CountingToken token(Set<String> groups, String unitId) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "zhang.san");
        claims.put("groups", groups);
        if (unitId != null) {
            claims.put(Claims.UNIT_ID, unitId);
        }
        return new CountingToken(claims);
    }

    private static Set<String> rolesOf(CallerPermissions permissions, JsonWebToken token) {
        SecurityIdentity verified = QuarkusSecurityIdentity.builder().setPrincipal(token).build();
        return permissions.augment(verified, null).await().indefinitely().getRoles();
    }

    @Test
    void aRepeatedTokenHasItsClaimsReadOnce() {
        CallerPermissions permissions = new CallerPermissions(100);
        CountingToken admin = token(Set.of(Roles.ADMIN), null);

        Set<String> first = rolesOf(permissions, admin);
        int readsForTheFirst = admin.reads.get();
        Set<String> again = rolesOf(permissions, admin);

        assertThat(readsForTheFirst).isPositive();
        assertThat(admin.reads.get()).isEqualTo(readsForTheFirst);
        assertThat(again).isEqualTo(first).contains(Roles.ADMIN).containsAll(Permissions.ALL);
    }

    @Test
    void eachTokenGetsTheRolesOfItsOwnClaims() {
        CallerPermissions permissions = new CallerPermissions(100);
        CountingToken admin = token(Set.of(Roles.ADMIN), null);
        CountingToken sameClaimsAsUnit = token(Set.of(Roles.ADMIN, Roles.UNIT), UNIT_ID);
        CountingToken unitWithoutUnitId = token(Set.of(Roles.UNIT), null);

        Set<String> adminRoles = rolesOf(permissions, admin);
        Set<String> confinedRoles = rolesOf(permissions, sameClaimsAsUnit);

        assertThat(adminRoles).contains(Roles.ADMIN, Permissions.TASKS_WRITE);
        // the narrower reading wins for a token confined to a unit, remembered or not
        assertThat(confinedRoles).contains(Roles.UNIT, Permissions.TASKS_REPORT)
                .doesNotContain(Roles.ADMIN, Permissions.TASKS_WRITE, Permissions.TASKS_REVIEW);
        assertThat(rolesOf(permissions, sameClaimsAsUnit)).isEqualTo(confinedRoles);
        assertThat(rolesOf(permissions, admin)).isEqualTo(adminRoles);
        assertThat(rolesOf(permissions, unitWithoutUnitId)).isEmpty();
    }

    @Test
    void withoutAMemoryEveryRequestReadsItsTokensClaims() {
        CallerPermissions permissions = new CallerPermissions(0);
        CountingToken supervisor = token(Set.of(Roles.SUPERVISOR), null);

        Set<String> first = rolesOf(permissions, supervisor);
        int readsForTheFirst = supervisor.reads.get();
        Set<String> again = rolesOf(permissions, supervisor);

        assertThat(first).contains(Roles.SUPERVISOR, Permissions.TASKS_REVIEW).doesNotContain(Roles.ADMIN);
        assertThat(again).isEqualTo(first);
        assertThat(supervisor.reads.get()).isEqualTo(2 * readsForTheFirst);
    }

    @Test
    void aMemoryOfOneTokenStillServesEveryToken() {
        CallerPermissions permissions = new CallerPermissions(1);
        for (int round = 0; round < 3; round++) {
            assertThat(rolesOf(permissions, token(Set.of(Roles.VIEWER), null)))
                    .contains(Roles.VIEWER, Permissions.TASKS_READ).doesNotContain(Permissions.TASKS_WRITE);
            assertThat(rolesOf(permissions, token(Set.of(Roles.SUPERVISOR), null)))
                    .contains(Roles.SUPERVISOR, Permissions.TASKS_REVIEW).doesNotContain(Roles.VIEWER);
        }
    }
}
