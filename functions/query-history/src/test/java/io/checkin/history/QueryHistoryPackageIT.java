package io.checkin.history;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.checkin.testing.PackagedApplication;

/** query-history's packaged application carries only what query-history runs (docs/architecture.md, "Modules"). */
class QueryHistoryPackageIT {

    @Test
    void carriesNoCodeIssuingNoScanRecordingAndNothingOfDevelopment() {
        List<String> foreign = new ArrayList<>(PackagedApplication.NOT_RUN_BY_ANY_FUNCTION);
        foreign.addAll(PackagedApplication.CODE_ISSUING);
        foreign.addAll(List.of("io/checkin/scan/", "io/checkin/batch/", "io/checkin/limit/", "io/checkin/scanin/",
                "io/checkin/scanout/"));
        PackagedApplication.ofThisModule().assertCarriesNone(foreign);
    }

    @Test
    void carriesTheVisitDerivationAndTheDisclosureLog() {
        PackagedApplication.ofThisModule().assertCarries(List.of("io/checkin/history/", "io/checkin/visit/",
                "io/checkin/audit/", "io/checkin/venue/"));
    }
}
