package org.imrflow.documents;

import java.time.LocalDate;

/** The form fields that describe the files of one upload (API.md §5 documents). */
record UploadFields(String title, String author, LocalDate date, SentBy sentBy) {
}
