package io.checkin.scanin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import io.checkin.auth.Caller;
import io.checkin.auth.Roles;
import io.checkin.code.Direction;
import io.checkin.scan.ScanReceipt;
import io.checkin.scan.ScanRequest;
import io.checkin.scan.ScanService;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;

/** The scan-in function: a citizen scanned a venue's entry code. */
@RolesAllowed(Roles.CITIZEN)
public class ScanInFunction {

    @Inject
    ScanService scans;

    @Inject
    Caller caller;

    @Funq("scan-in")
    public Uni<ScanReceipt> scanIn(ScanRequest request) {
        return scans.record(caller, request, Direction.IN);
    }
}
