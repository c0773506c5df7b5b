package org.imrflow.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One uploaded file spooled to a temporary file and read: its type, size, hash and, for a PDF, the
 * text of every page. Deleted once stored or refused.
 */
record IncomingFile(Path spool, ContentKind kind, long size, String sha256, int pages, List<String> pageTexts)
    implements AutoCloseable {

  @Override
  public void close() {
    try {
      Files.deleteIfExists(spool);
    } catch (IOException e) {
      // A spool file left behind holds no row and is never served; the next start's cleanup removes it.
    }
  }
}
