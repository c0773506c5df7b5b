package org.imrflow.documents;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The text of every page of a case's documents, and the search over it (API.md §5 {@code ?q=}). */
@Component
class DocumentPages {

  /** Words of a query beyond this are ignored: a search is a few words, not a paragraph. */
  static final int MAX_WORDS = 8;
  static final int MAX_HITS = 200;
  static final int SNIPPET_CHARS = 80;

  record Hit(String id, String title, int page, String snippet) {
  }

  private final JdbcTemplate jdbc;

  DocumentPages(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A page whose text is still to be read from its image (ScannedPages), with where its document is. */
  record Unread(String documentId, int page, String caseNumber, String contentType, String storageKey) {
  }

  /** Every page of a document; a page without text is left for the OCR to read from its image. */
  void save(String documentId, List<String> texts) {
    List<Object[]> rows = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      rows.add(new Object[] {documentId, i + 1, texts.get(i), texts.get(i).isBlank()});
    }
    jdbc.batchUpdate("insert into case_file_page (document_id, page_number, text, needs_ocr) values (?, ?, ?, ?)", rows);
  }

  /** Pages left to read, oldest upload first, that no node claimed since {@code claimedBefore}. */
  List<Unread> unread(int limit, Instant claimedBefore) {
    return jdbc.query("select p.document_id, p.page_number, d.case_number, d.content_type, d.storage_key"
        + " from case_file_page p join case_file_document d on d.id = p.document_id"
        + " where p.needs_ocr = true and (p.ocr_claimed_at is null or p.ocr_claimed_at < ?) and d.purged_on is null"
        + " order by d.uploaded_at, p.document_id, p.page_number fetch first " + limit + " rows only",
        (rs, i) -> new Unread(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)),
        Timestamp.from(claimedBefore));
  }

  /** Whether this node now holds the page: unread, and nobody's claim since {@code claimedBefore}. */
  boolean claim(Unread page, Instant now, Instant claimedBefore) {
    return jdbc.update("update case_file_page set ocr_claimed_at = ? where document_id = ? and page_number = ?"
        + " and needs_ocr = true and (ocr_claimed_at is null or ocr_claimed_at < ?)", Timestamp.from(now),
        page.documentId(), page.page(), Timestamp.from(claimedBefore)) == 1;
  }

  /** The text read from the page's image (empty when it holds none), searchable from now on. */
  void read(Unread page, String text) {
    jdbc.update("update case_file_page set text = ?, needs_ocr = false, ocr_claimed_at = null"
        + " where document_id = ? and page_number = ?", text, page.documentId(), page.page());
  }

  void delete(String documentId) {
    jdbc.update("delete from case_file_page where document_id = ?", documentId);
  }

  /** Pages that hold every word of the query (case-insensitive), in document and page order. */
  List<Hit> search(String caseNumber, String query) {
    List<String> words = words(query);
    if (words.isEmpty()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("select d.id, d.title, p.page_number, p.text from case_file_page p"
        + " join case_file_document d on d.id = p.document_id where d.case_number = ?");
    List<Object> args = new ArrayList<>();
    args.add(caseNumber);
    for (String word : words) {
      sql.append(" and lower(p.text) like ? escape '!'");
      args.add("%" + word.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
    }
    sql.append(" order by d.document_date, d.uploaded_at, p.page_number");
    List<Hit> hits = jdbc.query(sql.toString(),
        (rs, i) -> new Hit(rs.getString(1), rs.getString(2), rs.getInt(3), snippet(rs.getString(4), words.get(0))),
        args.toArray());
    return hits.size() > MAX_HITS ? hits.subList(0, MAX_HITS) : hits;
  }

  static List<String> words(String query) {
    if (query == null) {
      return List.of();
    }
    return Arrays.stream(query.toLowerCase(Locale.ROOT).trim().split("\\s+"))
        .filter(w -> !w.isBlank()).distinct().limit(MAX_WORDS).toList();
  }

  static String snippet(String text, String word) {
    int at = text.toLowerCase(Locale.ROOT).indexOf(word);
    int from = Math.max(0, at - SNIPPET_CHARS);
    int to = Math.min(text.length(), Math.max(at, 0) + word.length() + SNIPPET_CHARS);
    return (from > 0 ? "…" : "") + text.substring(from, to).replaceAll("\\s+", " ").trim()
        + (to < text.length() ? "…" : "");
  }
}
