package org.imrflow.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import org.imrflow.TestCases;
import org.junit.jupiter.api.Test;

class CaseJsonTest {

  private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
  private final CaseJson json = new CaseJson(mapper);

  @Test
  void anApplicationIsParsedOnceForItsTextAndAnewWhenStoredAnew() throws Exception {
    String text = mapper.writeValueAsString(TestCases.json("seed-pt-exceeds"));
    Application first = json.application(stored(text));
    // Another load of the same row: another String, the same text.
    Application again = json.application(stored(new String(text.toCharArray())));
    assertThat(again).isSameAs(first);
    assertThat(first).isEqualTo(mapper.readValue(text, Application.class));

    String changed = mapper.writeValueAsString(TestCases.unique("seed-pt-exceeds"));
    Application other = json.application(stored(changed));
    assertThat(other).isNotSameAs(first).isEqualTo(mapper.readValue(changed, Application.class));
    assertThat(other.employee()).isNotEqualTo(first.employee());
  }

  private static ImrCase stored(String application) {
    return new ImrCase("CM-1", false, LocalDate.of(2014, 8, 1), LocalDate.of(2014, 7, 24), "key", application,
        Instant.EPOCH);
  }
}
