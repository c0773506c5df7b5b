package org.imrflow.documents;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Files to upload, made here: PDFs with known text per page, images, and broken ones. */
public final class TestFiles {

  private TestFiles() {
  }

  /** A PDF with one page per text. */
  public static byte[] pdf(String... pageTexts) {
    try (PDDocument pdf = document(List.of(pageTexts))) {
      return save(pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] encryptedPdf(String text) {
    try (PDDocument pdf = document(List.of(text))) {
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      pdf.protect(policy);
      return save(pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PDDocument document(List<String> pageTexts) throws IOException {
    PDDocument pdf = new PDDocument();
    PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    for (String text : pageTexts) {
      PDPage page = new PDPage();
      pdf.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
        content.beginText();
        content.setFont(font, 11);
        content.newLineAtOffset(72, 720);
        content.showText(text);
        content.endText();
      }
    }
    return pdf;
  }

  private static byte[] save(PDDocument pdf) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pdf.save(out);
    return out.toByteArray();
  }

  /** Blank images of the format: a TIFF of several pages (a fax), or one PNG or JPEG. */
  public static byte[] image(String format, int pages) {
    if (pages > 1) {
      return scan(format, Collections.nCopies(pages, new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB))
          .toArray(BufferedImage[]::new));
    }
    return scan(format, new BufferedImage(40 + pages, 40, BufferedImage.TYPE_INT_RGB));
  }

  /** A page as a scanner makes it: an image of the lines (300 dpi, letter width), no text to copy. */
  public static BufferedImage scannedPage(String... lines) {
    BufferedImage page = new BufferedImage(2550, 300 + 120 * lines.length, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = page.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, page.getWidth(), page.getHeight());
      g.setColor(Color.BLACK);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(new Font(Font.SERIF, Font.PLAIN, 60));
      for (int i = 0; i < lines.length; i++) {
        g.drawString(lines[i], 150, 200 + 120 * i);
      }
    } finally {
      g.dispose();
    }
    return page;
  }

  /** A scan as one image file of the format (png, jpeg), or a fax of several pages (tiff). */
  public static byte[] scan(String format, BufferedImage... pages) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
      try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
        writer.setOutput(stream);
        // Compressed where the format lets us choose (TIFF, PNG): uncompressed, a 300 dpi fax page would be a megabyte.
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (param.canWriteCompressed() && Arrays.asList(param.getCompressionTypes()).contains("Deflate")) {
          param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
          param.setCompressionType("Deflate");
        }
        if (pages.length == 1) {
          writer.write(null, new IIOImage(pages[0], null, null), param);
        } else {
          writer.prepareWriteSequence(null);
          for (BufferedImage page : pages) {
            writer.writeToSequence(new IIOImage(page, null, null), param);
          }
          writer.endWriteSequence();
        }
        return finished(stream, out);
      } finally {
        writer.dispose();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes written so far: the image stream flushed into its buffer first. */
  private static byte[] finished(ImageOutputStream stream, ByteArrayOutputStream out) throws IOException {
    stream.flush();
    return out.toByteArray();
  }

  /** A scanned PDF: each page an image, no text layer. */
  public static byte[] scannedPdf(BufferedImage... pages) {
    try (PDDocument pdf = new PDDocument()) {
      for (BufferedImage image : pages) {
        PDPage page = new PDPage(PDRectangle.LETTER);
        pdf.addPage(page);
        PDImageXObject picture = LosslessFactory.createFromImage(pdf, image);
        float width = page.getMediaBox().getWidth();
        try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
          content.drawImage(picture, 0, page.getMediaBox().getHeight() - width * image.getHeight() / image.getWidth(),
              width, width * image.getHeight() / image.getWidth());
        }
      }
      return save(pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
