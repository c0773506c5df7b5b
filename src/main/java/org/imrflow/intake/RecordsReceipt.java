package org.imrflow.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.imrflow.web.FieldProblem;

/** Medical records received for a case (API.md §5 records). */
public record RecordsReceipt(
    @NotNull @PastOrPresent(message = FieldProblem.NOT_IN_FUTURE) LocalDate receivedOn,
    @NotNull Boolean complete,
    @Size(max = 500) List<@NotNull @Valid Document> documents,
    @Size(max = 500) List<String> documentIds) {

  /** A receipt that names no uploaded documents. */
  public RecordsReceipt(LocalDate receivedOn, Boolean complete, List<Document> documents) {
    this(receivedOn, complete, documents, null);
  }

  public record Document(@NotBlank @Size(max = 500) String title,
      @PastOrPresent(message = FieldProblem.NOT_IN_FUTURE) LocalDate date, @Size(max = 200) String author) {
  }

  /** Uploaded documents of the case (POST /documents) that came with this receipt. */
  public List<String> documentIdsOrEmpty() {
    return documentIds == null ? List.of() : documentIds;
  }

  public List<Document> documentsOrEmpty() {
    return documents == null ? List.of() : documents;
  }
}
