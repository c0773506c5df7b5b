package org.imrflow.documents;

/** Who sent a document to the review organization (API.md §5 documents). */
public enum SentBy {
  CLAIMS_ADMINISTRATOR, EMPLOYEE, PROVIDER, OTHER
}
