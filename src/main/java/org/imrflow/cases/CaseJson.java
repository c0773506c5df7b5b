package org.imrflow.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.util.ConcurrentLruCache;

/** Reads and writes the JSON columns of a case: the application, its items, their checks. */
@Component
public class CaseJson {

  private final ObjectMapper mapper;
  /**
   * Applications as parsed, by their stored text: most steps of a case read its application (the
   * screening, the panel's match, the deadlines, the letters: 1.2% of a full case's CPU parsing it
   * again each time). Keyed by the text itself, so an application stored anew is parsed anew; shared
   * between threads, as nothing changes an application once read.
   */
  private final ConcurrentLruCache<String, Application> applications =
      new ConcurrentLruCache<>(256, json -> read(json, Application.class));

  public CaseJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public Application application(ImrCase c) {
    String text = c.getApplication();
    return text == null ? read(text, Application.class) : applications.get(text);
  }

  public DisputedItem item(CaseItem item) {
    return read(item.getItem(), DisputedItem.class);
  }

  /** The clinical facts stated for an item's guideline check, by name; empty when none were stated. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> facts(CaseItem item) {
    return item.getClinicalFacts() == null ? Map.of()
        : read(item.getClinicalFacts(), LinkedHashMap.class);
  }

  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  public <T> T read(String json, Class<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      // The message would quote the stored JSON (clinical data): name the type only.
      throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable");
    }
  }
}
