package io.checkin.scanout;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.checkin.testing.PackagedApplication;

/** scan-out's packaged application carries only what scan-out runs (docs/architecture.md, "Modules"). */
class ScanOutPackageIT {

    @Test
    void carriesNoCodeIssuingNoHistoryAndNothingOfDevelopment() {
        List<String> foreign = new ArrayList<>(PackagedApplication.NOT_RUN_BY_ANY_FUNCTION);
        foreign.addAll(PackagedApplication.CODE_ISSUING);
        foreign.addAll(List.of("io/checkin/visit/", "io/checkin/history/", "io/checkin/audit/", "io/checkin/scanin/"));
        PackagedApplication.ofThisModule().assertCarriesNone(foreign);
    }

    @Test
    void carriesTheScanRecordingAndTheCodeCheck() {
        PackagedApplication.ofThisModule().assertCarries(List.of("io/checkin/scanout/", "io/checkin/scan/",
                "io/checkin/code/", "io/checkin/store/"));
    }
}
