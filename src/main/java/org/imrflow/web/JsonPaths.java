package org.imrflow.web;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import java.util.List;

/** Writes a Jackson path the way the API names fields: {@code disputedItems[0].requestedVisits}. */
final class JsonPaths {

  private JsonPaths() {
  }

  static String of(List<Reference> path) {
    StringBuilder field = new StringBuilder();
    for (Reference ref : path) {
      if (ref.getIndex() >= 0) {
        field.append('[').append(ref.getIndex()).append(']');
      } else if (ref.getFieldName() != null) {
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(ref.getFieldName());
      }
    }
    return field.toString();
  }
}
