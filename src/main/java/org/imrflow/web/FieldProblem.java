package org.imrflow.web;

/** One invalid input field, as problem+json's {@code errors} lists it (API.md §4). */
public record FieldProblem(String field, String message) {
}
