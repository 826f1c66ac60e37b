package io.checkin.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The alert rules: the same for plain Prometheus and the operator, valid, and each telling what to do. */
class AlertRulesTest {

    @Test
    void thePrometheusRuleHoldsTheSameRulesAsThePlainRulesFile() {
        assertEquals(MonitoringFiles.parse(MonitoringFiles.RULES),
                MonitoringFiles.parse(MonitoringFiles.PROMETHEUS_RULE).get("spec"));
    }

    @Test
    void everyAlertSaysWhatItMeansAndTheFirstThingToDo() {
        List<Map<String, Object>> rules = rules();
        assertFalse(rules.isEmpty());
        for (Map<String, Object> rule : rules) {
            @SuppressWarnings("unchecked")
            Map<String, String> annotations = (Map<String, String>) rule.get("annotations");
            assertFalse(annotations.get("summary").isBlank(), rule.get("alert") + ": summary");
            assertTrue(annotations.get("description").contains("First: "), rule.get("alert") + ": first action");
        }
    }

    @Test
    void promtoolAcceptsTheRules() throws IOException, InterruptedException {
        Path promtool = Path.of("/usr/bin/promtool");
        if (!Files.isExecutable(promtool)) {
            fail("No promtool at " + promtool + ": install Debian's package prometheus (apt-get install prometheus), "
                    + "which .ci/run installs");
        }
        Process check = new ProcessBuilder(promtool.toString(), "check", "rules", MonitoringFiles.RULES.toString())
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, check.waitFor(), output);
        assertTrue(output.contains("SUCCESS: " + rules().size() + " rules found"), output);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules() {
        List<Map<String, Object>> groups = (List<Map<String, Object>>) MonitoringFiles.parse(MonitoringFiles.RULES).get("groups");
        return groups.stream().flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream()).toList();
    }
}
