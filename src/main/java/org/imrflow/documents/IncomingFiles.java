package org.imrflow.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Collections;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.imrflow.web.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Takes an uploaded file in: streams it to a spool file while hashing it (never whole in memory),
 * recognises its type by content and reads its pages. Anything unacceptable is refused before a
 * byte reaches the store.
 */
@Component
class IncomingFiles {

  /** A page's text is kept for search up to this length; longer text is scanned noise, not a record. */
  static final int MAX_PAGE_TEXT = 100_000;

  private final DocumentSettings settings;

  IncomingFiles(DocumentSettings settings) {
    this.settings = settings;
  }

  /** Where uploads are spooled: beside the folder store, so that storing one is a rename. */
  Path spoolFolder() {
    Path folder = settings.folder().resolve(".incoming");
    try {
      return Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  IncomingFile take(String field, String fileName, InputStream content) throws IOException {
    checkName(field, fileName);
    Path spool = Files.createTempFile(spoolFolder(), "upload-", ".part");
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] header = new byte[ContentKind.HEADER_BYTES];
      int headerLength = 0;
      long size = 0;
      long limit = settings.maxFileSize().toBytes();
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(spool), sha256)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = content.read(buffer)) != -1; ) {
          if (headerLength < header.length) {
            int take = Math.min(n, header.length - headerLength);
            System.arraycopy(buffer, 0, header, headerLength, take);
            headerLength += take;
          }
          size += n;
          if (size > limit) {
            throw new RefusedFileException(HttpStatus.PAYLOAD_TOO_LARGE, "File too large", field,
                "A file may have at most " + settings.maxFileSize().toMegabytes() + " MB");
          }
          out.write(buffer, 0, n);
        }
      }
      if (size == 0) {
        throw new InvalidInputException(field, "is empty");
      }
      ContentKind kind = ContentKind.of(header, headerLength).orElseThrow(() -> new RefusedFileException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Type not accepted", field,
          "Only PDF, TIFF, PNG and JPEG files are accepted (recognised by their content)"));
      String hash = HexFormat.of().formatHex(sha256.digest());
      return read(field, spool, kind, size, hash);
    } catch (NoSuchAlgorithmException e) {
      Files.deleteIfExists(spool);
      throw new IllegalStateException(e);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(spool);
      throw e;
    }
  }

  /** A page's text as stored: at most {@link #MAX_PAGE_TEXT} characters, whoever read it. */
  static String capped(String text) {
    return text.length() > MAX_PAGE_TEXT ? text.substring(0, MAX_PAGE_TEXT) : text;
  }

  /** A browser sends a bare name; a name with directories is a client trying to choose a path. */
  private static void checkName(String field, String fileName) {
    if (fileName != null && (fileName.contains("/") || fileName.contains("\\") || fileName.contains("..")
        || fileName.indexOf('\0') >= 0)) {
      throw new InvalidInputException(field, "file name must not contain path segments");
    }
  }

  private IncomingFile read(String field, Path spool, ContentKind kind, long size, String sha256) {
    return switch (kind) {
      case PDF -> pdf(field, spool, kind, size, sha256);
      // An image's pages have no text until the OCR reads them (ScannedPages).
      case TIFF_LITTLE_ENDIAN, TIFF_BIG_ENDIAN -> {
        int pages = imagePages(field, spool);
        yield new IncomingFile(spool, kind, size, sha256, pages, Collections.nCopies(pages, ""));
      }
      case PNG, JPEG -> new IncomingFile(spool, kind, size, sha256, 1, List.of(""));
    };
  }

  private static IncomingFile pdf(String field, Path spool, ContentKind kind, long size, String sha256) {
    // The temp-file stream cache keeps a large PDF's streams off the heap.
    try (PDDocument pdf = Loader.loadPDF(spool.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
      if (pdf.isEncrypted()) {
        throw new InvalidInputException(field, "is an encrypted PDF: ask the sender for an unprotected copy");
      }
      int pages = pdf.getNumberOfPages();
      if (pages == 0) {
        throw new InvalidInputException(field, "is a PDF without pages");
      }
      List<String> texts = new ArrayList<>(pages);
      PDFTextStripper stripper = new PDFTextStripper();
      for (int page = 1; page <= pages; page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        String text = stripper.getText(pdf).strip();
        texts.add(capped(text));
      }
      return new IncomingFile(spool, kind, size, sha256, pages, texts);
    } catch (InvalidPasswordException e) {
      throw new InvalidInputException(field, "is an encrypted PDF: ask the sender for an unprotected copy");
    } catch (IOException e) {
      throw new InvalidInputException(field, "is not a readable PDF");
    }
  }

  /** A TIFF holds one image per page (a fax, a scan). */
  private static int imagePages(String field, Path spool) {
    try (ImageInputStream in = ImageIO.createImageInputStream(spool.toFile())) {
      Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new InvalidInputException(field, "is not a readable TIFF");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        int pages = reader.getNumImages(true);
        if (pages < 1) {
          throw new InvalidInputException(field, "is a TIFF without pages");
        }
        return pages;
      } finally {
        reader.dispose();
      }
    } catch (IOException | IllegalStateException e) {
      throw new InvalidInputException(field, "is not a readable TIFF");
    }
  }
}
