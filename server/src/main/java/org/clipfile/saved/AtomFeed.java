package org.clipfile.saved;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/** Writes an Atom 1.0 document (RFC 4287): the feed's id, title, updated, author and links, then its entries. */
final class AtomFeed {
    static final String NAMESPACE = "http://www.w3.org/2005/Atom";
    static final String MEDIA_TYPE = "application/atom+xml";

    record Entry(String id, String title, Instant updated, @Nullable Instant published, String link, String summary,
            @Nullable String source) {}

    private AtomFeed() {}

    static byte[] write(String id, String title, Instant updated, String self, String alternate,
            List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NAMESPACE);
            element(xml, "id", id);
            element(xml, "title", title);
            element(xml, "updated", date(updated));
            link(xml, "self", self, MEDIA_TYPE);
            link(xml, "alternate", alternate, "text/html");
            xml.writeStartElement("author");
            element(xml, "name", "Clipfile");
            xml.writeEndElement();
            element(xml, "generator", "Clipfile");
            for (Entry entry : entries) {
                xml.writeStartElement("entry");
                element(xml, "id", entry.id());
                element(xml, "title", entry.title().isBlank() ? "(untitled)" : entry.title());
                element(xml, "updated", date(entry.updated()));
                if (entry.published() != null) {
                    element(xml, "published", date(entry.published()));
                }
                link(xml, "alternate", entry.link(), "text/html");
                xml.writeStartElement("summary");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(clean(entry.summary()));
                xml.writeEndElement();
                if (entry.source() != null && !entry.source().isBlank()) {
                    xml.writeStartElement("category");
                    xml.writeAttribute("term", clean(entry.source()));
                    xml.writeAttribute("label", "source");
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the Atom feed", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", clean(href));
    }

    /** RFC 3339 with seconds, as Atom's date constructs require. */
    static String date(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** XML 1.0 cannot carry most control characters, even escaped: they are dropped. */
    static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || Character.isSurrogate(c);
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (allowed && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
