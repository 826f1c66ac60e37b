package io.checkin.generate;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.checkin.testing.PackagedApplication;

/** generate-code's packaged application carries only what generate-code runs (docs/architecture.md, "Modules"). */
class GenerateCodePackageIT {

    @Test
    void carriesNoScanRecordingNoHistoryAndNothingOfDevelopment() {
        List<String> foreign = new ArrayList<>(PackagedApplication.NOT_RUN_BY_ANY_FUNCTION);
        foreign.addAll(List.of("io/checkin/scan/", "io/checkin/batch/", "io/checkin/limit/", "io/checkin/visit/",
                "io/checkin/history/", "io/checkin/audit/", "io/checkin/scanin/", "io/checkin/scanout/"));
        PackagedApplication.ofThisModule().assertCarriesNone(foreign);
    }

    @Test
    void carriesTheCodeIssuingItRuns() {
        PackagedApplication.ofThisModule().assertCarries(PackagedApplication.CODE_ISSUING);
    }
}
