package io.checkin.scanin;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.checkin.testing.PackagedApplication;

/** scan-in's packaged application carries only what scan-in runs (docs/architecture.md, "Modules"). */
class ScanInPackageIT {

    @Test
    void carriesNoCodeIssuingNoHistoryAndNothingOfDevelopment() {
        List<String> foreign = new ArrayList<>(PackagedApplication.NOT_RUN_BY_ANY_FUNCTION);
        foreign.addAll(PackagedApplication.CODE_ISSUING);
        foreign.addAll(List.of("io/checkin/visit/", "io/checkin/history/", "io/checkin/audit/", "io/checkin/scanout/"));
        PackagedApplication.ofThisModule().assertCarriesNone(foreign);
    }

    @Test
    void carriesTheScanRecordingAndTheCodeCheck() {
        PackagedApplication.ofThisModule().assertCarries(List.of("io/checkin/scanin/", "io/checkin/scan/",
                "io/checkin/code/", "io/checkin/store/"));
    }
}
