package io.checkin.warmup.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartTest {

    private static final AutoscalerSettings SETTINGS = AutoscalerSettings.defaults().withScale(0, 30);

    private static SimulationResult simulate(int minScale) {
        return KpaSimulator.run(new KpaSimulator.Input(Traffic.step(0, 13_300, Duration.ofSeconds(60)),
                Duration.ofMillis(20), Duration.ofSeconds(5), SETTINGS.withScale(minScale, 30), Duration.ofMinutes(5),
                minScale));
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** The series drawn: every path with a colour, in order, with its number of points. */
    private static List<String> series(Document svg) {
        List<String> found = new ArrayList<>();
        NodeList paths = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path");
        for (int i = 0; i < paths.getLength(); i++) {
            Element path = (Element) paths.item(i);
            String d = path.getAttribute("d");
            if (!"#000".equals(path.getAttribute("stroke"))) {
                found.add(path.getAttribute("stroke") + " " + d.split("[ML]").length);
            }
        }
        return found;
    }

    @Test
    void theChartIsSvgWithTrafficAndBothPodSeriesOnePointPerTick() throws Exception {
        SimulationResult cold = simulate(0);
        Document svg = parse(Chart.svg("scan-in: a step to 13300 requests/s <&>", cold, simulate(4)));
        assertEquals("svg", svg.getDocumentElement().getLocalName());
        int points = cold.ticks().size() + 1; // split before the first M leaves an empty head
        assertEquals(List.of("#888 " + points, "#c0392b " + points, "#1e8449 " + points), series(svg));
        String text = svg.getDocumentElement().getTextContent();
        assertTrue(text.contains("scan-in: a step to 13300 requests/s <&>"), text);
        assertTrue(text.contains("ready pods, from zero") && text.contains("ready pods, pre-warmed"), text);
        assertTrue(text.contains("13300 req/s") && text.contains(cold.maxReadyPods() + " pods"), text);
    }

    @Test
    void withoutAPrewarmTheChartHasNoPrewarmedSeries() throws Exception {
        Document svg = parse(Chart.svg("from zero", simulate(0), null));
        assertEquals(2, series(svg).size());
        assertTrue(!svg.getDocumentElement().getTextContent().contains("pre-warmed"));
    }
}
