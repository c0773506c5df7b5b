package org.imrflow.documents;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;

/**
 * Reads the text of a page's image with Tesseract (its command line, as Debian installs it), in
 * English. A program of its own, not a library in our JVM: a page it cannot read costs its process,
 * never the node.
 */
@Component
class Ocr {

  /** A page's reading that takes longer than this is given up (a 300 dpi page takes 1-3 s). */
  static final long PAGE_SECONDS = 120;

  private final DocumentSettings settings;
  private volatile Optional<String> version;

  Ocr(DocumentSettings settings) {
    this.settings = settings;
  }

  /** The program's version, or empty when this node has none (or the reading is turned off). */
  Optional<String> version() {
    if (version == null) {
      version = settings.readsScans()
          ? ask(List.of(settings.ocrCommand(), "--version")).map(v -> v.lines().findFirst().orElse(v))
          : Optional.empty();
    }
    return version;
  }

  /** The page's text (empty when it holds none). */
  String read(BufferedImage page) throws IOException {
    Path image = Files.createTempFile("imrflow-ocr-", ".png");
    try {
      ImageIO.write(page, "png", image.toFile());
      return ask(List.of(settings.ocrCommand(), image.toString(), "stdout", "-l", "eng"))
          .orElseThrow(() -> new IOException("the OCR program did not read the page"));
    } finally {
      Files.deleteIfExists(image);
    }
  }

  /** What the program writes to its standard output, or empty when it fails, is missing or hangs. */
  private static Optional<String> ask(List<String> command) {
    Path out = null;
    Process process = null;
    try {
      // To a file, not a pipe: a program that hangs is given up after its time without a thread to read it.
      out = Files.createTempFile("imrflow-ocr-", ".txt");
      process = new ProcessBuilder(command).redirectOutput(out.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (!process.waitFor(PAGE_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return Optional.empty();
      }
      return Optional.of(Files.readString(out, StandardCharsets.UTF_8).strip());
    } catch (IOException notInstalledOrUnreadable) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      if (process != null) {
        process.destroyForcibly();
      }
      if (out != null) {
        try {
          Files.deleteIfExists(out);
        } catch (IOException e) {
          // A temporary file left behind holds one page's text only until the system clears its temp folder.
        }
      }
    }
  }
}
