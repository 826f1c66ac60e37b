package io.checkin.batch;

import java.util.List;
import java.util.Map;

/** Writes a batch in one call. */
@FunctionalInterface
public interface BatchWriter<T> {

    /**
     * Writes every item and returns the outcome of each item that was not written, by its index in the
     * batch (an empty map: all written). Throws if the outcome of the batch as a whole is unknown.
     */
    Map<Integer, ItemOutcome> write(List<T> batch) throws Exception;
}
