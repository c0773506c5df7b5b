package org.imrflow.documents;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A stored document's pages as images, for the OCR: a PDF's pages rendered, an image's own pages. The
 * content is copied to a temporary file once, however many of its pages are read.
 */
final class PageImages implements AutoCloseable {

  /** Resolution a PDF page is rendered at: what OCR programs read best, a scan's usual. */
  static final float PDF_DPI = 300;

  private final Path copy;
  private final boolean pdf;
  private PDDocument document;

  private PageImages(Path copy, boolean pdf) {
    this.copy = copy;
    this.pdf = pdf;
  }

  static PageImages of(InputStream content, String contentType) throws IOException {
    Path copy = Files.createTempFile("imrflow-pages-", ".bin");
    try (content) {
      Files.copy(content, copy, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.deleteIfExists(copy);
      throw e;
    }
    return new PageImages(copy, ContentKind.PDF.contentType.equals(contentType));
  }

  /** Page {@code page}, counted from 1. */
  BufferedImage page(int page) throws IOException {
    if (pdf) {
      if (document == null) {
        document = Loader.loadPDF(copy.toFile(), IOUtils.createTempFileOnlyStreamCache());
      }
      return new PDFRenderer(document).renderImageWithDPI(page - 1, PDF_DPI, ImageType.GRAY);
    }
    // A TIFF's page (a fax, a scan), or a PNG's or JPEG's one image.
    try (ImageInputStream in = ImageIO.createImageInputStream(copy.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new IOException("no reader for the stored image");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        return reader.read(page - 1);
      } finally {
        reader.dispose();
      }
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (document != null) {
        document.close();
      }
    } finally {
      Files.deleteIfExists(copy);
    }
  }
}
