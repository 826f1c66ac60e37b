package io.checkin.auth;

/** The roles of the JWT {@code groups} claim. The HTTP permission policies in shared's configuration use them too. */
public final class Roles {

    public static final String CITIZEN = "citizen";
    public static final String VENUE_MANAGER = "venue-manager";
    public static final String HEALTH_OFFICIAL = "health-official";
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
