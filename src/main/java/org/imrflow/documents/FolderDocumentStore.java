package org.imrflow.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Content as files under {@code imrflow.documents.folder} (the embedded run's data folder), one
 * sub-folder per case. The spool folder is inside the same folder, so storing is an atomic rename:
 * a reader never sees half a file.
 */
class FolderDocumentStore implements DocumentStore {

  private final Path root;

  FolderDocumentStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public void put(String key, Path spool) throws IOException {
    Path target = path(key);
    Files.createDirectories(target.getParent());
    try {
      Files.move(spool, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Path partial = target.resolveSibling(target.getFileName() + ".part");
      Files.copy(spool, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  @Override
  public InputStream open(String key) throws IOException {
    return Files.newInputStream(path(key));
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(path(key));
  }

  @Override
  public boolean transactional() {
    return false;
  }

  /** Keys are made by IMRflow ({@code caseNumber/id}); the check keeps any other out of the folder. */
  private Path path(String key) {
    Path path = root.resolve(key).normalize();
    if (!path.startsWith(root) || path.equals(root)) {
      throw new IllegalArgumentException("storage key outside the document folder");
    }
    return path;
  }
}
