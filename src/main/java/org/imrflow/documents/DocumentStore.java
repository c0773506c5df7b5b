package org.imrflow.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where documents' content lives. The embedded run keeps it in a folder ({@link FolderDocumentStore}),
 * prod in the database every node shares ({@link DatabaseDocumentStore}): README "The case file".
 * {@code put} runs inside the upload's transaction; a store that is not transactional itself is
 * undone by {@link DocumentUploads} when that transaction rolls back.
 */
interface DocumentStore {

  /** Moves or copies the spooled file's content under {@code key} (a new key: never overwrites). */
  void put(String key, Path spool) throws IOException;

  InputStream open(String key) throws IOException;

  void delete(String key) throws IOException;

  /** Whether {@link #put} is undone with the transaction (a database store) or must be undone by hand. */
  boolean transactional();
}
