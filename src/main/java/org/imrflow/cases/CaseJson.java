package org.imrflow.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Reads and writes the JSON columns of a case: the application, its items, their checks. */
@Component
public class CaseJson {

  private final ObjectMapper mapper;

  public CaseJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public Application application(ImrCase c) {
    return read(c.getApplication(), Application.class);
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
