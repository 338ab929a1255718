package cn.gov.supervision.kit.security;

import java.util.Set;

/**
 * What a caller may do, one name per kind of operation. Resources declare the permission an endpoint needs with
 * {@code @RolesAllowed(Permissions.TASKS_READ)}; {@link CallerPermissions} grants them from the caller's role or, for a
 * token the gateway minted for an API key, from the key's scopes. The same names are the scopes of API keys, so an
 * administrator grants a government system exactly what a role would grant, operation by operation.
 */
public final class Permissions {

    public static final String UNITS_READ = "units:read";
    public static final String UNITS_WRITE = "units:write";
    public static final String TASKS_READ = "tasks:read";
    /** Plans, tasks and imports: create, change, delete. */
    public static final String TASKS_WRITE = "tasks:write";
    /** Progress reports, completion and extension requests on an assignment. */
    public static final String TASKS_REPORT = "tasks:report";
    /** Approve, return or reject what units requested. */
    public static final String TASKS_REVIEW = "tasks:review";
    public static final String NOTIFICATIONS_READ = "notifications:read";
    public static final String NOTIFICATIONS_ACK = "notifications:ack";
    /** Reminder policy, runs, webhooks, the working-day calendar. */
    public static final String NOTIFICATIONS_WRITE = "notifications:write";

    /** Everything above: the scopes an API key may be given. */
    public static final Set<String> ALL = Set.of(UNITS_READ, UNITS_WRITE, TASKS_READ, TASKS_WRITE, TASKS_REPORT,
            TASKS_REVIEW, NOTIFICATIONS_READ, NOTIFICATIONS_ACK, NOTIFICATIONS_WRITE);

    private Permissions() {
    }
}
