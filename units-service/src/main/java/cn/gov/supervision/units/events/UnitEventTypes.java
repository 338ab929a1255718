package cn.gov.supervision.units.events;

/** The units.events contract: topic, envelope subject field and event types (schemas in src/main/resources/schemas). */
public final class UnitEventTypes {

    public static final String TOPIC = "units.events";
    public static final String SUBJECT_FIELD = "unitId";
    public static final int SCHEMA_VERSION = 1;

    public static final String UNIT_CREATED = "UnitCreated";
    public static final String UNIT_UPDATED = "UnitUpdated";
    public static final String UNIT_DEACTIVATED = "UnitDeactivated";
    public static final String CONTACTS_CHANGED = "ContactsChanged";
    /** An administrator revoked the unit's signed links: the payload's linkVersion is the one links need now. */
    public static final String LINKS_REVOKED = "LinksRevoked";

    private UnitEventTypes() {
    }
}
