package org.imrflow.quality;

/** What a quality reviewer decides about a determination (API.md §8). */
public enum QaOutcome {
  /** The letter goes out. */
  APPROVED,
  /** Items go back to the reviewer with comments, then quality review again. */
  RETURNED
}
