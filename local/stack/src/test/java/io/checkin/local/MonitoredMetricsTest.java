package io.checkin.local;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.checkin.testing.Api;
import io.checkin.testing.StoreTestResource;
import io.checkin.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The alert rules and the dashboard (monitoring/) read only metrics that the functions expose: every name they use
 * is a sample name in a real scrape of every function after some traffic, exactly as written.
 */
@QuarkusTest
@QuarkusTestResource(StoreTestResource.class)
class MonitoredMetricsTest {

    private static final Path MONITORING = Path.of("").toAbsolutePath().resolve("../../monitoring").normalize();
    /** A sample line's name: what stands before its labels or its value. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]", Pattern.MULTILINE);

    @Test
    void everyMetricTheAlertRulesReadIsInAScrape() throws IOException {
        assertEveryMetricIsInAScrape(new YAMLMapper().readTree(MONITORING.resolve("checkin-alerts.yml").toFile()));
    }

    @Test
    void everyMetricTheDashboardReadsIsInAScrape() throws IOException {
        assertEveryMetricIsInAScrape(new ObjectMapper().readTree(MONITORING.resolve("grafana-dashboard.json").toFile()));
    }

    /** Every metric read by the file's queries (its "expr" fields: the rules', the panels' targets'). */
    private static void assertEveryMetricIsInAScrape(JsonNode file) {
        Set<String> used = new TreeSet<>();
        file.findValues("expr").forEach(expr -> used.addAll(PromQl.metricNames(expr.asText())));
        assertTrue(used.size() > 5, "names found: " + used);
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(scrapeAfterTraffic());
        assertEquals(Set.of(), missing, "read by monitoring/ but not in /q/metrics");
    }

    /** The sample names of /q/metrics once a venue was registered, scanned into and out of, and visits read. */
    private static Set<String> scrapeAfterTraffic() {
        JsonPath venue = Api.call("register-venue", Tokens.venueManager("metrics-manager"),
                Map.of("name", "Metrics hall", "address", "1 Scrape Street", "region", "metrics", "formats", List.of()))
                .statusCode(200).extract().jsonPath();
        for (String function : List.of("scan-in", "scan-out")) {
            Api.call(function, Tokens.citizen("metrics-citizen"), Map.of("code",
                    venue.getString(function.equals("scan-in") ? "entry.url" : "exit.url"), "scanId", UUID.randomUUID().toString()))
                    .statusCode(200).body("status", equalTo("recorded"));
        }
        Api.call("my-visits", Tokens.citizen("metrics-citizen"), Map.of()).statusCode(200);
        String scrape = Api.request(Tokens.forRoles("metrics-operator", "operator")).get("/q/metrics")
                .then().statusCode(200).extract().asString();
        Set<String> names = new TreeSet<>();
        Matcher samples = SAMPLE.matcher(scrape);
        while (samples.find()) {
            names.add(samples.group(1));
        }
        return names;
    }
}
