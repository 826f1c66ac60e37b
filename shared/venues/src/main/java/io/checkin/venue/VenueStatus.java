package io.checkin.venue;

/** A suspended venue's codes are refused at scan time until it is reactivated. */
public enum VenueStatus {
    ACTIVE("active"),
    SUSPENDED("suspended");

    private final String stored;

    VenueStatus(String stored) {
        this.stored = stored;
    }

    public String stored() {
        return stored;
    }

    public static VenueStatus fromStored(String value) {
        return "suspended".equals(value) ? SUSPENDED : ACTIVE;
    }
}
