package org.imrflow.letters;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.pdmodel.font.encoding.WinAnsiEncoding;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.springframework.stereotype.Component;

/**
 * The PDF of a letter, set from its text with PDFBox: the header block and other aligned lines stay
 * monospaced, section headings are centred, paragraphs flow, on US Letter pages with 2 cm margins.
 * Same words as the text, so the text extracted from the PDF reads like the real letters. A letter
 * has only these three kinds of line, so they are set here directly: laying them out as HTML
 * (openhtmltopdf, before issue 18) was 9% of a full case's CPU. The PDF's standard fonts need no
 * embedding; a character they cannot show is printed as {@code ?}.
 */
@Component
class LetterPdf {

  private static final float MARGIN = 72 / 2.54f * 2;
  private static final float LEADING = 1.2f;
  private static final Style PARAGRAPH = new Style(FontName.TIMES_ROMAN, 11, 0, 8, false, true);
  private static final Style HEADING = new Style(FontName.TIMES_BOLD, 12, 14, 6, true, true);
  private static final Style ALIGNED = new Style(FontName.COURIER, 9, 0, 0, false, false);

  /**
   * How a kind of line is set: its font and size, the space before and after (in points), centred
   * or not, broken to the page's width or kept as typed.
   */
  private record Style(FontName font, float size, float before, float after, boolean centred, boolean flows) {
  }

  /** A block of the letter: its lines before they are broken to the page's width. */
  private record Block(Style style, List<String> lines) {
  }

  byte[] render(String title, String text) {
    try (PDDocument document = new PDDocument()) {
      document.getDocumentInformation().setTitle(title);
      new Typesetter(document).set(blocks(text));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot render the PDF", e);
    }
  }

  /**
   * The letter's text as blocks: centred capitals are headings, label columns (three spaces inside)
   * are kept as typed, the other lines flow into paragraphs, a line starting with "- " on a line of
   * its own within them.
   */
  private static List<Block> blocks(String text) {
    List<Block> blocks = new ArrayList<>();
    List<String> paragraph = null;
    for (String raw : text.split("\n")) {
      String line = printable(raw);
      boolean heading = isHeading(line);
      boolean flowing = !line.isBlank() && !heading && !isAligned(line);
      if (flowing) {
        if (paragraph == null) {
          paragraph = new ArrayList<>();
          blocks.add(new Block(PARAGRAPH, paragraph));
        }
        if (paragraph.isEmpty() || line.startsWith("- ")) {
          paragraph.add(line.strip());
        } else {
          paragraph.set(paragraph.size() - 1, paragraph.get(paragraph.size() - 1) + " " + line.strip());
        }
        continue;
      }
      paragraph = null;
      if (heading) {
        blocks.add(new Block(HEADING, List.of(line.strip())));
      } else if (!line.isBlank()) {
        blocks.add(new Block(ALIGNED, List.of(line)));
      }
    }
    return blocks;
  }

  /** Lays blocks out on pages, a new page when the next line does not fit. */
  private static final class Typesetter {

    private final PDDocument document;
    private final PDType1Font[] fonts = new PDType1Font[FontName.values().length];
    private final float width = PDRectangle.LETTER.getWidth() - 2 * MARGIN;
    private PDPageContentStream page;
    private float y;
    /** Space owed before the next line: the larger of the last block's after and the next one's before. */
    private float space;

    Typesetter(PDDocument document) {
      this.document = document;
    }

    void set(List<Block> blocks) throws IOException {
      try {
        newPage();
        for (Block block : blocks) {
          space = Math.max(space, block.style().before());
          PDType1Font font = font(block.style().font());
          for (String line : block.lines()) {
            for (String row : block.style().flows() ? broken(line, font, block.style().size()) : List.of(line)) {
              show(row, font, block.style());
            }
          }
          space = block.style().after();
        }
      } finally {
        if (page != null) {
          page.close();
        }
      }
    }

    private void show(String row, PDType1Font font, Style style) throws IOException {
      float height = style.size() * LEADING;
      if (y - space - height < MARGIN) {
        newPage();
      }
      y -= space + height;
      space = 0;
      float x = MARGIN;
      if (style.centred()) {
        x += Math.max(0, (width - textWidth(row, font, style.size())) / 2);
      }
      page.beginText();
      page.setFont(font, style.size());
      // The baseline sits a fifth of the line above its bottom, as a browser's normal line height puts it.
      page.newLineAtOffset(x, y + height * 0.2f);
      page.showText(row);
      page.endText();
    }

    /**
     * Greedy line breaking at spaces, each word measured once (the standard fonts' widths add up: no
     * kerning); a word wider than the page is cut.
     */
    private List<String> broken(String text, PDType1Font font, float size) throws IOException {
      List<String> rows = new ArrayList<>();
      StringBuilder row = new StringBuilder();
      float rowWidth = 0;
      float spaceWidth = textWidth(" ", font, size);
      for (String word : words(text)) {
        float wordWidth = textWidth(word, font, size);
        if (!row.isEmpty() && rowWidth + spaceWidth + wordWidth <= width) {
          row.append(' ').append(word);
          rowWidth += spaceWidth + wordWidth;
          continue;
        }
        if (!row.isEmpty()) {
          rows.add(row.toString());
          row.setLength(0);
        }
        while (wordWidth > width) {
          int fits = 1;
          while (fits < word.length() && textWidth(word.substring(0, fits + 1), font, size) <= width) {
            fits++;
          }
          rows.add(word.substring(0, fits));
          word = word.substring(fits);
          wordWidth = textWidth(word, font, size);
        }
        row.append(word);
        rowWidth = wordWidth;
      }
      if (!row.isEmpty() || rows.isEmpty()) {
        rows.add(row.toString());
      }
      return rows;
    }

    /** The words between spaces (no regular expression: a paragraph is split once per letter line). */
    private static List<String> words(String text) {
      List<String> words = new ArrayList<>();
      int start = 0;
      for (int i = 0; i <= text.length(); i++) {
        if (i == text.length() || text.charAt(i) == ' ') {
          if (i > start) {
            words.add(text.substring(start, i));
          }
          start = i + 1;
        }
      }
      return words;
    }

    private void newPage() throws IOException {
      if (page != null) {
        page.close();
      }
      PDPage next = new PDPage(PDRectangle.LETTER);
      document.addPage(next);
      PDResources resources = new PDResources();
      next.setResources(resources);
      PDStream contents = new PDStream(document);
      next.setContents(contents);
      // PDFBox writes a text's bytes into the page's stream one at a time (2% of a case's CPU);
      // buffered, they reach it in blocks. Its one constructor that takes a stream is an appearance
      // stream's: this one only carries the page's resources to it and is no part of the document.
      PDAppearanceStream resourcesOfThePage = new PDAppearanceStream(new COSStream());
      resourcesOfThePage.setResources(resources);
      page = new PDPageContentStream(document, resourcesOfThePage,
          new BufferedOutputStream(contents.createOutputStream(COSName.FLATE_DECODE), 8192));
      y = PDRectangle.LETTER.getHeight() - MARGIN;
      space = 0;
    }

    private PDType1Font font(FontName name) {
      if (fonts[name.ordinal()] == null) {
        fonts[name.ordinal()] = new PDType1Font(name);
      }
      return fonts[name.ordinal()];
    }

    private static float textWidth(String text, PDType1Font font, float size) throws IOException {
      return font.getStringWidth(text) / 1000 * size;
    }
  }

  /**
   * What the standard fonts can show (WinAnsi): tabs as spaces, other control characters (form feeds
   * pasted from PDF reports) as spaces, anything else outside WinAnsi as {@code ?}.
   */
  static String printable(String line) {
    StringBuilder out = null;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      char shown = c < ' ' || c == 0x7f ? ' ' : c < 0x7f || showable(c) ? c : '?';
      if (shown != c && out == null) {
        out = new StringBuilder(line.substring(0, i));
      }
      if (out != null) {
        out.append(shown);
      }
    }
    return out == null ? line : out.toString();
  }

  private static boolean showable(char c) {
    return !Character.isSurrogate(c) && WinAnsiEncoding.INSTANCE.contains(GlyphList.getAdobeGlyphList().codePointToName(c));
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
