package io.checkin.store;

import org.bson.conversions.Bson;

import com.mongodb.client.model.Indexes;

/**
 * A document of the scans collection, named in one place: the scan functions write it, query-history reads it,
 * the index set-up indexes it (docs/architecture.md, "Data model"). Its {@code _id} is derived from the person and
 * the client's scanId (scans' {@code ScanIds}), so a retry cannot store a scan twice.
 */
public final class ScanDocument {

    /** The token's subject: whose scan it is. */
    public static final String PERSON = "userSub";
    public static final String VENUE = "venueId";
    /** {@code IN} or {@code OUT}. */
    public static final String DIRECTION = "direction";
    /** When the server stored it: what reads select by, and what the retention index expires. */
    public static final String STORED_AT = "at";
    /** When the phone made it, for a scan queued offline; absent otherwise. */
    public static final String MADE_AT = "clientAt";
    /** The version of the venue's codes the scanned code had. */
    public static final String CODE_VERSION = "codeVersion";

    /** A person's scans by time: my-visits, and where a visitor's visits end. */
    public static final Bson BY_PERSON = Indexes.compoundIndex(Indexes.ascending(PERSON), Indexes.descending(STORED_AT));
    /** A venue's scans by time: who was there. */
    public static final Bson BY_VENUE = Indexes.compoundIndex(Indexes.ascending(VENUE), Indexes.ascending(STORED_AT));

    private ScanDocument() {
    }
}
