package org.imrflow.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Lists of item or group indexes (what a multi-instance step opens one instance per) as the engine
 * stores them: text, {@code "0,2,3"}, {@code ""} for none. A plain string variable instead of a JSON
 * object, which the engine keeps in a byte-array row of its own to write, delete and read again at
 * every step (13 statements a case for the two lists). The model turns the text back into a list in
 * its collection expressions ({@code ${indexes.of(itemsToDecide)}}); a JSON list an earlier version
 * stored reads the same.
 */
@Component("indexes")
public class Indexes {

  /** The list, from the stored text or from an earlier version's JSON list; null stays null. */
  public List<Integer> of(Object stored) {
    return list(stored);
  }

  static List<Integer> list(Object stored) {
    if (stored == null) {
      return null;
    }
    List<Integer> indexes = new ArrayList<>();
    if (stored instanceof Collection<?> values) {
      values.forEach(v -> indexes.add(((Number) v).intValue()));
      return indexes;
    }
    String text = stored.toString();
    if (!text.isEmpty()) {
      for (String index : text.split(",")) {
        indexes.add(Integer.valueOf(index));
      }
    }
    return indexes;
  }

  static String text(Collection<?> indexes) {
    StringBuilder text = new StringBuilder();
    for (Object index : indexes) {
      text.append(text.isEmpty() ? "" : ",").append(((Number) index).intValue());
    }
    return text.toString();
  }
}
