package io.checkin.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import io.checkin.code.Direction;
import io.checkin.testing.QrImages;

class QrRenderingTest {

    private static final String URL = "https://checkin.example/c/eyJhbGciOiJFUzI1NiIsImtpZCI6ImFiYyJ9."
            + "eyJ2aWQiOiJhYmNkZWZnaGlqayIsImRpciI6IklOIiwidmVyIjoxLCJuYW1lIjoiQ2Fmw6kifQ."
            + "MEUCIQDx4m5bPz9Jm3Q1y7mQe5Cz1r8rN9o4rGz2cD1K5xQ0yQIgX2mR0N7t7mX3aZ6tV4u8r8b2vWlqP0kY3mJ5s";

    private final QrMatrix qr = QrMatrix.encode(URL);

    @Test
    void pngDecodesBackToTheUrl() throws Exception {
        byte[] png = QrPng.render(qr, QrPng.DEFAULT_SCALE);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(qr.size() * QrPng.DEFAULT_SCALE, image.getWidth());
        assertEquals(URL, QrImages.decode(image));
    }

    @Test
    void pngDecodesAtTheSmallestScaleToo() throws Exception {
        assertEquals(URL, QrImages.decode(ImageIO.read(new ByteArrayInputStream(QrPng.render(qr, 2)))));
    }

    /** The mask is fixed rather than searched: random codes, as signatures are, must still all read back. */
    @Test
    void manyRandomCodesReadBack() throws Exception {
        java.util.Random random = new java.util.Random(20261128);
        for (int i = 0; i < 60; i++) {
            byte[] bytes = new byte[120 + random.nextInt(120)];
            random.nextBytes(bytes);
            String url = "https://checkin.example/c/" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            byte[] png = QrPng.render(QrMatrix.encode(url), 3);
            assertEquals(url, QrImages.decode(ImageIO.read(new ByteArrayInputStream(png))), "code " + i);
        }
    }

    @Test
    void svgIsXmlAndItsModulesDecodeBackToTheUrl() throws Exception {
        String svg = QrSvg.render(qr);
        Document doc = parse(svg);
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        String path = doc.getElementsByTagName("path").item(0).getAttributes().getNamedItem("d").getNodeValue();
        assertEquals(URL, QrImages.decode(rasterize(path, qr.size(), 4)));
    }

    @Test
    void posterIsXmlWithTheVenueNameEscapedAndTheCode() throws Exception {
        String name = "Bar <\"Tom & Jerry's\"> 🍺";
        String poster = Poster.render(qr, new Poster.Content("abcdefghijk", name, "1 Main St", Direction.OUT, 2));
        Document doc = parse(poster);
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains(name), text);
        assertTrue(text.contains("Scan to leave"), text);
        String path = doc.getElementsByTagName("path").item(0).getAttributes().getNamedItem("d").getNodeValue();
        assertEquals(URL, QrImages.decode(rasterize(path, qr.size(), 4)));
    }

    @Test
    void aLongNameOrAddressStaysOnThePageAndIsAllThere() throws Exception {
        for (String name : new String[] { "W".repeat(120), "x".repeat(120), "The " + "Grand ".repeat(19) + "Hall",
                "北京市朝阳区建国门外大街".repeat(10), "🍺".repeat(120), "Harbour Café" }) {
            Document doc = parse(Poster.render(qr, new Poster.Content("abcdefghijk", name, name, Direction.IN, 1)));
            StringBuilder shown = new StringBuilder();
            var texts = doc.getElementsByTagName("text");
            for (int i = 0; i < texts.getLength(); i++) {
                var attributes = texts.item(i).getAttributes();
                String content = texts.item(i).getTextContent();
                int size = Integer.parseInt(attributes.getNamedItem("font-size").getNodeValue());
                var squeezed = attributes.getNamedItem("textLength");
                double width = squeezed != null ? Double.parseDouble(squeezed.getNodeValue()) : Poster.ems(content) * size;
                assertTrue(width <= 560, content + " is " + width + " wide");
                assertTrue(size >= 12, content + " is " + size + " high");
                shown.append(content);
            }
            assertTrue(shown.toString().contains(name + name), "every character of the name and address is shown");
        }
    }

    @Test
    void entryPosterSaysEnter() throws Exception {
        String poster = Poster.render(qr, new Poster.Content("abcdefghijk", "Gym", null, Direction.IN, 1));
        assertTrue(parse(poster).getDocumentElement().getTextContent().contains("Scan to enter"));
    }

    @Test
    void posterTellsAPersonToOpenTheCodeWithTheirPhonesCamera() throws Exception {
        for (Direction direction : Direction.values()) {
            String poster = Poster.render(qr, new Poster.Content("abcdefghijk", "Gym", null, direction, 1));
            String text = parse(poster).getDocumentElement().getTextContent();
            assertTrue(text.contains("phone's camera"), text);
            assertTrue(text.contains(direction == Direction.IN ? "tap the link to check in" : "tap the link to check out"), text);
        }
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    /** Draws the SVG path's runs ("Mx yhNv1h-Nz") as pixels, the way any SVG renderer would. */
    static BufferedImage rasterize(String path, int modules, int scale) throws IOException {
        BufferedImage image = new BufferedImage(modules * scale, modules * scale, BufferedImage.TYPE_BYTE_GRAY);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(java.awt.Color.BLACK);
        Matcher m = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z").matcher(path);
        int runs = 0;
        while (m.find()) {
            g.fillRect(Integer.parseInt(m.group(1)) * scale, Integer.parseInt(m.group(2)) * scale,
                    Integer.parseInt(m.group(3)) * scale, scale);
            runs++;
        }
        g.dispose();
        assertTrue(runs > 0, "no runs in the path");
        assertEquals("", path.replaceAll("M\\d+ \\d+h\\d+v1h-\\d+z", ""), "the path holds only module runs");
        return image;
    }
}
