package io.checkin.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.Timeout;

import io.checkin.store.StoreCollections;

/**
 * Records every disclosure before its answer leaves: an answer whose record cannot be written is not given
 * (the store failure becomes a 503), so there is no way to look people up without leaving a trace.
 * Operators and oversight read the records in the store (docs/operations.md); the functions never do.
 */
@ApplicationScoped
public class DisclosureLog {

    @Inject
    StoreCollections collections;

    @Timeout // checkin.store.timeout-millis, as every store call
    public void record(Disclosure disclosure) {
        collections.disclosures().insertOne(disclosure.toDocument());
    }
}
