package io.checkin.testing;

import java.util.List;

/**
 * The functions of one application, for the hostile-input contracts: each module's tests provide one bean
 * that lists them, so the contracts run against every function the module deploys.
 */
public interface HostileTargets {

    /** Fresh targets: a target may create what its valid body refers to (a venue, a code). */
    List<HostileTarget> all();
}
