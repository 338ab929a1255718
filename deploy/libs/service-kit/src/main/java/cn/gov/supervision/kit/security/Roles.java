package cn.gov.supervision.kit.security;

import java.util.Map;
import java.util.Set;

/**
 * The roles a person's token carries in its {@code groups} claim, and what each grants. A {@code unit} user's
 * permissions hold only for its own unit (claim {@code unit_id}); the services check that per record.
 */
public final class Roles {

    /** The supervising office: everything, including API keys and republishing. */
    public static final String ADMIN = "admin";
    /** Reads everything and decides on what units request. */
    public static final String SUPERVISOR = "supervisor";
    /** A responsible unit's staff: its own assignments and notifications. */
    public static final String UNIT = "unit";
    /** Reads everything, changes nothing. */
    public static final String VIEWER = "viewer";

    /** Every role a person may have; anything else in {@code groups} grants nothing. */
    public static final Set<String> ALL = Set.of(ADMIN, SUPERVISOR, UNIT, VIEWER);

    static final Map<String, Set<String>> GRANTS = Map.of(
            ADMIN, Permissions.ALL,
            SUPERVISOR, Set.of(Permissions.UNITS_READ, Permissions.TASKS_READ, Permissions.TASKS_REVIEW,
                    Permissions.NOTIFICATIONS_READ, Permissions.NOTIFICATIONS_ACK),
            UNIT, Set.of(Permissions.UNITS_READ, Permissions.TASKS_READ, Permissions.TASKS_REPORT,
                    Permissions.NOTIFICATIONS_READ, Permissions.NOTIFICATIONS_ACK),
            VIEWER, Set.of(Permissions.UNITS_READ, Permissions.TASKS_READ, Permissions.NOTIFICATIONS_READ));

    private Roles() {
    }
}
