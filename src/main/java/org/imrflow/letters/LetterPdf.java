package org.imrflow.letters;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The PDF of a letter, from HTML built out of its text: the header block and other aligned lines
 * stay monospaced, headings are centred, paragraphs flow. Same words as the text, so the text
 * extracted from the PDF reads like the real letters.
 */
@Component
class LetterPdf {

  static {
    // openhtmltopdf logs every render at INFO through java.util.logging: keep its warnings only.
    com.openhtmltopdf.util.XRLog.listRegisteredLoggers()
        .forEach(logger -> com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING));
  }

  byte[] render(String title, String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(html(title, text), null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new IllegalStateException("cannot render the PDF", e);
    }
    return out.toByteArray();
  }

  static String html(String title, String text) {
    StringBuilder body = new StringBuilder();
    StringBuilder paragraph = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        flush(body, paragraph);
      } else if (isHeading(line)) {
        flush(body, paragraph);
        body.append("<h2>").append(HtmlUtils.htmlEscape(line.trim())).append("</h2>\n");
      } else if (isAligned(line)) {
        flush(body, paragraph);
        body.append("<pre>").append(HtmlUtils.htmlEscape(line)).append("</pre>\n");
      } else {
        if (!paragraph.isEmpty()) {
          paragraph.append(line.startsWith("- ") ? "<br/>" : " ");
        }
        paragraph.append(HtmlUtils.htmlEscape(line));
      }
    }
    flush(body, paragraph);
    return "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"/><title>" + HtmlUtils.htmlEscape(title)
        + "</title><style>"
        + "@page { size: letter; margin: 2cm; } body { font-family: serif; font-size: 11pt; }"
        + " h2 { text-align: center; font-size: 12pt; margin: 14pt 0 6pt 0; }"
        + " pre { font-family: monospace; font-size: 9pt; margin: 0; } p { margin: 0 0 8pt 0; }"
        + "</style></head><body>\n" + body + "</body></html>";
  }

  private static void flush(StringBuilder body, StringBuilder paragraph) {
    if (!paragraph.isEmpty()) {
      body.append("<p>").append(paragraph).append("</p>\n");
      paragraph.setLength(0);
    }
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
