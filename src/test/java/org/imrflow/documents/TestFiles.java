package org.imrflow.documents;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  public static byte[] image(String format, int pages) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
      try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
        writer.setOutput(stream);
        if (pages > 1) {
          writer.prepareWriteSequence(null);
          for (int i = 0; i < pages; i++) {
            writer.writeToSequence(new IIOImage(new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB), null, null), null);
          }
          writer.endWriteSequence();
        } else {
          writer.write(new BufferedImage(40 + pages, 40, BufferedImage.TYPE_INT_RGB));
        }
      } finally {
        writer.dispose();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
        ImageWriteParam compressed = writer.getDefaultWriteParam();
        if (compressed.canWriteCompressed()) {
          // A fax is compressed: uncompressed, a 300 dpi page would be a megabyte.
          compressed.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
          compressed.setCompressionType("Deflate");
        }
        writer.prepareWriteSequence(null);
        for (BufferedImage page : pages) {
          writer.writeToSequence(new IIOImage(page, null, null), compressed);
        }
        writer.endWriteSequence();
      } catch (UnsupportedOperationException oneImageFormat) {
        out.reset();
        ImageIO.write(pages[0], format, out);
      } finally {
        writer.dispose();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
