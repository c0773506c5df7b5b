package org.imrflow.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.ClassPathResource;

/** The demo's JSON files under {@code src/main/resources/demo}. */
final class DemoFiles {

  private DemoFiles() {
  }

  static <T> T read(ObjectMapper mapper, String resource, TypeReference<T> type) {
    try (InputStream in = new ClassPathResource("demo/" + resource).getInputStream()) {
      return mapper.readValue(in, type);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read demo/" + resource, e);
    }
  }
}
