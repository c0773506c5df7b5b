package org.imrflow.documents;

import java.nio.file.Path;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code imrflow.documents.*} (application.yml): where the case file's content lives, how large a
 * file may be, how long content is kept after a case closes and what reads scanned pages.
 *
 * @param store {@code folder} (the embedded run: files under {@code folder}) or {@code database}
 *     (prod: table case_file_content, reachable from every node of a cluster)
 * @param folder the folder store's root; uploads are spooled in its {@code .incoming} sub-folder
 * @param maxFileSize one file's limit; Spring's multipart limits are set from it
 * @param retention how long after a case closes its documents' content and text are kept
 * @param ocrCommand the OCR program that reads scanned pages (Tesseract's command line: Debian's
 *     tesseract-ocr and tesseract-ocr-eng); {@code -} turns the reading off on this node
 */
@ConfigurationProperties("imrflow.documents")
public record DocumentSettings(
    @DefaultValue("folder") String store,
    @DefaultValue("./data/documents") Path folder,
    @DefaultValue("100MB") DataSize maxFileSize,
    @DefaultValue("P7Y") Period retention,
    @DefaultValue("tesseract") String ocrCommand) {

  boolean inDatabase() {
    return "database".equalsIgnoreCase(store);
  }

  boolean readsScans() {
    return !ocrCommand.isBlank() && !"-".equals(ocrCommand);
  }
}
