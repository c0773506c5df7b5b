package org.imrflow.letters;

import java.time.Instant;

/** A letter as rendered once and archived with its case. */
public record StoredLetter(long id, String caseNumber, String letterKey, LetterType type, String subject,
    String text, byte[] pdf, Instant createdAt) {
}
