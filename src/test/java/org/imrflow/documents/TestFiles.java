package org.imrflow.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
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
}
