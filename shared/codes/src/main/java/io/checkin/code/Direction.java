package io.checkin.code;

/** Which way a person passes the code: every venue has one code for each. */
public enum Direction {
    IN,
    OUT;

    /** The words printed on the poster above the code. */
    public String callToAction() {
        return this == IN ? "Scan to enter" : "Scan to leave";
    }
}
