package org.imrflow.guidelines;

/** One rule applied to an item: its citation and the arithmetic in a sentence a reviewer can paste. */
public record Finding(
    String rule,
    String guideline,
    String section,
    String pages,
    Integer recommendedVisits,
    Integer totalVisits,
    String explanation) {
}
