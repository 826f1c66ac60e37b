package io.checkin.batch;

/** What became of one item of a batch. */
public sealed interface ItemOutcome {

    ItemOutcome WRITTEN = new Written();
    ItemOutcome DUPLICATE = new Duplicate();

    /** Stored by this write. */
    record Written() implements ItemOutcome {
    }

    /** Already stored (same key): written before, by an earlier attempt of the same request. */
    record Duplicate() implements ItemOutcome {
    }

    /** Not stored; the cause says why. */
    record Failed(Throwable cause) implements ItemOutcome {
    }
}
