package cn.gov.supervision.kit.security;

/** The claims of our tokens beyond the standard ones. */
public final class Claims {

    /** The unit a {@code unit} user (or a unit's API key) acts for: a unit id of units-service. */
    public static final String UNIT_ID = "unit_id";
    /** Space-separated permissions of a token the gateway minted for an API key (RFC 8693 style). */
    public static final String SCOPE = "scope";
    /** Marks a token minted for an API key; its value is the key's id. */
    public static final String API_KEY_ID = "api_key_id";

    private Claims() {
    }
}
