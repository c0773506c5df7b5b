package org.imrflow.letters;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.logging.Level;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.springframework.stereotype.Component;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The PDF of a letter, from an XHTML document built out of its text: the header block and other aligned lines
 * stay monospaced, headings are centred, paragraphs flow. Same words as the text, so the text
 * extracted from the PDF reads like the real letters.
 */
@Component
class LetterPdf {

  private static final String XHTML = "http://www.w3.org/1999/xhtml";

  static {
    // openhtmltopdf logs every render at INFO through java.util.logging: keep its warnings only.
    XRLog.listRegisteredLoggers()
        .forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
  }

  /** Any builder's DOM implementation: a fresh document from it needs no parser and no factory lookup. */
  private static final DOMImplementation DOM;

  static {
    try {
      DOM = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation();
    } catch (ParserConfigurationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  byte[] render(String title, String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      // Built as a DOM, not as HTML text the renderer would parse again (a quarter of a render's CPU).
      builder.withW3cDocument(document(title, text), null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new IllegalStateException("cannot render the PDF", e);
    }
    return out.toByteArray();
  }

  static Document document(String title, String text) {
    Document doc = DOM.createDocument(XHTML, "html", null);
    Element html = doc.getDocumentElement();
    Element head = append(html, "head");
    append(head, "title").setTextContent(title);
    append(head, "style").setTextContent(
        "@page { size: letter; margin: 2cm; } body { font-family: serif; font-size: 11pt; }"
            + " h2 { text-align: center; font-size: 12pt; margin: 14pt 0 6pt 0; }"
            + " pre { font-family: monospace; font-size: 9pt; margin: 0; } p { margin: 0 0 8pt 0; }");
    Element body = append(html, "body");
    Element paragraph = null;
    StringBuilder run = new StringBuilder();
    for (String line : text.split("\n")) {
      boolean heading = isHeading(line);
      boolean flowing = !line.isBlank() && !heading && !isAligned(line);
      if (paragraph != null && (!flowing || line.startsWith("- "))) {
        // One text node per run of lines: separate nodes would be laid out as separate boxes.
        paragraph.appendChild(doc.createTextNode(run.toString()));
        run.setLength(0);
        if (flowing) {
          append(paragraph, "br");
        } else {
          paragraph = null;
        }
      }
      if (flowing) {
        if (paragraph == null) {
          paragraph = append(body, "p");
        } else if (!run.isEmpty()) {
          run.append(' ');
        }
        run.append(line);
      } else if (heading) {
        append(body, "h2").setTextContent(line.trim());
      } else if (!line.isBlank()) {
        append(body, "pre").setTextContent(line);
      }
    }
    if (paragraph != null) {
      paragraph.appendChild(doc.createTextNode(run.toString()));
    }
    return doc;
  }

  private static Element append(Element parent, String name) {
    Element child = parent.getOwnerDocument().createElementNS(XHTML, name);
    parent.appendChild(child);
    return child;
  }

  /** Centred capitals: a section heading. */
  private static boolean isHeading(String line) {
    String t = line.trim();
    return line.startsWith("   ") && t.length() > 8 && t.equals(t.toUpperCase()) && t.chars().anyMatch(Character::isLetter);
  }

  /** Label columns (the header block): kept as typed. */
  private static boolean isAligned(String line) {
    return line.contains("   ") && !line.startsWith("- ");
  }
}
