package org.imrflow.documents;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.imrflow.apidocs.ApiRefusal;
import org.imrflow.cases.BusinessClock;
import org.imrflow.cases.CaseAction;
import org.imrflow.cases.CaseAudit;
import org.imrflow.cases.Cases;
import org.imrflow.cases.ImrCase;
import org.imrflow.web.ConflictException;
import org.imrflow.web.FieldProblem;
import org.imrflow.web.InvalidInputException;
import org.imrflow.web.NotFoundException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** The case file's documents (API.md §5 documents): upload, list, search, read. */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Case file")
@RequestMapping("/api/cases/{caseNumber}/documents")
class DocumentController {

  private final Cases cases;
  private final CaseFileAccess access;
  private final IncomingFiles incoming;
  private final DocumentUploads uploads;
  private final CaseFileDocumentRepository documents;
  private final DocumentPages pages;
  private final DocumentStore store;
  private final CaseAudit audit;
  private final BusinessClock clock;

  DocumentController(Cases cases, CaseFileAccess access, IncomingFiles incoming, DocumentUploads uploads,
      CaseFileDocumentRepository documents, DocumentPages pages, DocumentStore store, CaseAudit audit,
      BusinessClock clock) {
    this.cases = cases;
    this.access = access;
    this.incoming = incoming;
    this.uploads = uploads;
    this.documents = documents;
    this.pages = pages;
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Multipart is resolved lazily (application.yml): who may upload and whether the case takes
   * documents are settled before the body is read.
   */
  @io.swagger.v3.oas.annotations.Operation(operationId = "uploadDocuments", summary = "Upload medical records",
      description = "multipart/form-data: one or more `file` parts (PDF, TIFF, PNG or JPEG, recognised by content) "
          + "and the fields `title`, `author`, `date` (yyyy-MM-dd, not in the future) and `sentBy` "
          + "(CLAIMS_ADMINISTRATOR, EMPLOYEE, PROVIDER, OTHER). Coordinators and administrators.")
  @ApiRefusal(status = "409", when = "The case is closed: it takes no documents.")
  @ApiRefusal(status = "413", when = "A file is larger than the limit (imrflow.documents.max-file-size).")
  @ApiRefusal(status = "415", when = "A file is not a PDF, TIFF, PNG or JPEG, or the body is not multipart.")
  @PostMapping
  ResponseEntity<List<DocumentView>> upload(@PathVariable String caseNumber, HttpServletRequest request)
      throws IOException {
    access.requireUploader();
    ImrCase c = cases.get(caseNumber);
    if (!c.isOpen()) {
      throw new ConflictException("Case " + caseNumber + " is " + c.getStatus() + ": it takes no documents");
    }
    if (!(request instanceof MultipartHttpServletRequest multipart)) {
      throw new RefusedFileException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Type not accepted", "file",
          "Send the files as multipart/form-data, each in a part named file");
    }
    List<MultipartFile> parts = multipart.getFiles("file");
    UploadFields fields = fields(multipart);
    if (parts.isEmpty()) {
      throw new InvalidInputException("file", "at least one file is required");
    }
    List<IncomingFile> files = new ArrayList<>();
    try {
      for (int i = 0; i < parts.size(); i++) {
        MultipartFile part = parts.get(i);
        try (InputStream in = part.getInputStream()) {
          files.add(incoming.take(parts.size() == 1 ? "file" : "file[" + i + "]", part.getOriginalFilename(), in));
        }
      }
      List<DocumentView> stored = uploads.file(caseNumber, fields, files, access.userId());
      return ResponseEntity.created(URI.create("/api/cases/" + caseNumber + "/documents")).body(stored);
    } finally {
      files.forEach(IncomingFile::close);
    }
  }

  private UploadFields fields(MultipartHttpServletRequest request) {
    List<FieldProblem> errors = new ArrayList<>();
    String title = trimmed(request.getParameter("title"));
    if (title == null) {
      errors.add(new FieldProblem("title", "is required"));
    } else if (title.length() > 500) {
      errors.add(new FieldProblem("title", "must be at most 500 characters"));
    }
    String author = trimmed(request.getParameter("author"));
    if (author != null && author.length() > 200) {
      errors.add(new FieldProblem("author", "must be at most 200 characters"));
    }
    LocalDate date = null;
    String dateText = trimmed(request.getParameter("date"));
    if (dateText != null) {
      try {
        date = LocalDate.parse(dateText);
        if (date.isAfter(clock.today())) {
          errors.add(new FieldProblem("date", FieldProblem.NOT_IN_FUTURE));
        }
      } catch (DateTimeParseException e) {
        errors.add(new FieldProblem("date", "invalid value '" + dateText + "': expected a date yyyy-MM-dd"));
      }
    }
    SentBy sentBy = null;
    String sentByText = trimmed(request.getParameter("sentBy"));
    if (sentByText == null) {
      errors.add(new FieldProblem("sentBy", "is required"));
    } else {
      try {
        sentBy = SentBy.valueOf(sentByText);
      } catch (IllegalArgumentException e) {
        errors.add(new FieldProblem("sentBy", "invalid value '" + sentByText + "': expected one of "
            + Arrays.toString(SentBy.values())));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new UploadFields(title, author, date, sentBy);
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  @io.swagger.v3.oas.annotations.Operation(operationId = "listDocuments", summary = "List or search a case's documents",
      description = "Without `q`, the documents' metadata; with `q`, the pages whose text holds the words: "
          + "`[{id, title, page, snippet}]`.")
  @GetMapping
  List<?> list(@PathVariable String caseNumber, @RequestParam(required = false) String q) {
    ImrCase c = cases.get(caseNumber);
    access.requireReader(c);
    if (q != null) {
      return pages.search(caseNumber, q);
    }
    return documents.findByCaseNumberOrderByDocumentDateAscUploadedAtAsc(caseNumber).stream()
        .map(DocumentView::of).toList();
  }

  /** The file itself, shown in the browser; every read goes into the case's audit. */
  @io.swagger.v3.oas.annotations.Operation(operationId = "readDocument", summary = "Read a document's file",
      description = "The file itself, in its content type, shown inline. Every read goes into the case's audit.")
  @GetMapping("/{id}/content")
  ResponseEntity<Resource> content(@PathVariable String caseNumber, @PathVariable String id) throws IOException {
    ImrCase c = cases.get(caseNumber);
    access.requireReader(c);
    CaseFileDocument d = documents.findByIdAndCaseNumber(id, caseNumber)
        .orElseThrow(() -> new NotFoundException("No document " + id + " in case " + caseNumber));
    if (d.getPurgedOn() != null) {
      throw new NotFoundException("The content of document " + id + " was removed on " + d.getPurgedOn()
          + " at the end of its retention period");
    }
    InputStream content = store.open(d.getStorageKey());
    audit.record(caseNumber, CaseAction.DOCUMENT_READ, "document " + id);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(d.getContentType()))
        .contentLength(d.getSize())
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(d.getStorageKey().replace('/', '-')).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(new InputStreamResource(content));
  }
}
