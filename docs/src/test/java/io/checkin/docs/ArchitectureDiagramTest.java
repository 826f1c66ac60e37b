package io.checkin.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** docs/images/architecture.svg draws what the repository holds: a box for every function module, none overlapping. */
class ArchitectureDiagramTest {

    static final Path DIAGRAM = Reactor.ROOT.resolve("docs/images/architecture.svg");

    record Box(String kind, double x, double y, double width, double height) {

        boolean contains(double px, double py) {
            return px >= x && px <= x + width && py >= y && py <= y + height;
        }

        boolean contains(Box other) {
            return contains(other.x, other.y) && contains(other.x + other.width, other.y + other.height);
        }

        boolean meets(Box other) {
            return x < other.x + other.width && other.x < x + width && y < other.y + other.height
                    && other.y < y + height;
        }
    }

    record Label(String kind, double x, double y, String text) {
    }

    private final Element svg = parse();

    @Test
    void everyFunctionModuleIsNamedInAFunctionBox() {
        List<String> missing = new ArrayList<>();
        for (String function : Reactor.functionNames()) {
            if (!named(function, "function")) {
                missing.add(function);
            }
        }
        assertTrue(missing.isEmpty(), DIAGRAM + " has no box of class \"function\" named " + missing);
    }

    @Test
    void thePageTheStoreTheProviderKnativeTheWarmupToolAndPrometheusEachHaveABox() {
        assertTrue(named("check-in page", "page"), "the check-in page");
        assertTrue(named("MongoDB (replica set)", "store"), "the store");
        assertTrue(named("Identity provider (OpenID Connect)", "box"), "the identity provider");
        assertTrue(named("Knative activator and autoscaler (KPA)", "knative"), "Knative's autoscaler and activator");
        assertTrue(named("warmup CronJob (checkin-warmup)", "box"), "the warmup CronJob");
        assertTrue(named("Prometheus", "box"), "Prometheus");
        assertTrue(labels().stream().anyMatch(l -> l.text().startsWith("warmup CLI")), "the warmup CLI");
    }

    @Test
    void boxesAreNestedOrApartNeverPartlyOverlapping() {
        List<Box> boxes = boxes();
        List<String> overlaps = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                Box a = boxes.get(i);
                Box b = boxes.get(j);
                if (a.meets(b) && !a.contains(b) && !b.contains(a)) {
                    overlaps.add(a + " and " + b);
                }
            }
        }
        assertEquals(List.of(), overlaps);
    }

    /** Whether a bold name is this text and stands inside a box of this class. */
    private boolean named(String name, String kind) {
        return labels().stream().filter(l -> l.kind().equals("name") && l.text().equals(name))
                .anyMatch(l -> boxes().stream().anyMatch(b -> b.kind().equals(kind) && b.contains(l.x(), l.y())));
    }

    private List<Box> boxes() {
        List<Box> boxes = new ArrayList<>();
        NodeList rects = svg.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            boxes.add(new Box(rect.getAttribute("class"), number(rect, "x"), number(rect, "y"), number(rect, "width"),
                    number(rect, "height")));
        }
        return boxes;
    }

    private List<Label> labels() {
        List<Label> labels = new ArrayList<>();
        NodeList texts = svg.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element text = (Element) texts.item(i);
            labels.add(new Label(text.getAttribute("class"), number(text, "x"), number(text, "y"),
                    text.getTextContent().strip()));
        }
        return labels;
    }

    private static double number(Element element, String attribute) {
        return Double.parseDouble(element.getAttribute(attribute));
    }

    private static Element parse() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(DIAGRAM.toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException(DIAGRAM + " is not well-formed XML", e);
        }
    }
}
