package org.imrflow.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Content in table case_file_content, in chunks: every node of a cluster reads what any node
 * stored, and the rows go and come with the upload's transaction. Chunks keep memory flat in both
 * directions (a bytea is read whole by the JDBC driver) and stay under H2's binary column limit.
 */
class DatabaseDocumentStore implements DocumentStore {

  static final int CHUNK_BYTES = 512 * 1024;

  private final JdbcTemplate jdbc;

  DatabaseDocumentStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void put(String key, Path spool) throws IOException {
    try (InputStream in = Files.newInputStream(spool)) {
      int chunk = 0;
      for (byte[] bytes; (bytes = in.readNBytes(CHUNK_BYTES)).length > 0; chunk++) {
        jdbc.update("insert into case_file_content (storage_key, chunk_number, bytes) values (?, ?, ?)",
            key, chunk, bytes);
      }
    }
  }

  @Override
  public InputStream open(String key) {
    return new ChunkStream(key);
  }

  @Override
  public void delete(String key) {
    jdbc.update("delete from case_file_content where storage_key = ?", key);
  }

  @Override
  public boolean transactional() {
    return true;
  }

  /** Reads one chunk at a time, each in a query of its own: no connection held while a client reads. */
  private class ChunkStream extends InputStream {
    private final String key;
    private int next;
    private byte[] chunk = new byte[0];
    private int position;
    private boolean done;

    ChunkStream(String key) {
      this.key = key;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      while (position >= chunk.length) {
        if (done || !fetch()) {
          done = true;
          return -1;
        }
      }
      int n = Math.min(len, chunk.length - position);
      System.arraycopy(chunk, position, b, off, n);
      position += n;
      return n;
    }

    private boolean fetch() {
      List<byte[]> rows = jdbc.query("select bytes from case_file_content where storage_key = ? and chunk_number = ?",
          (rs, i) -> rs.getBytes(1), key, next);
      if (rows.isEmpty()) {
        return false;
      }
      chunk = rows.get(0);
      position = 0;
      next++;
      return true;
    }
  }
}
