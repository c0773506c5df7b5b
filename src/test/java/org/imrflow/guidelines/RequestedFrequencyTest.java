package org.imrflow.guidelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestedFrequencyTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Pt 2x4 Weeks (8sessions) For Bilateral Neck and Low Back | 2",
      "Physical therapy three times a week for two weeks for the cervical | 3",
      "Twelve physical therapy sessions, three times weekly, for the right elbow | 3",
      "Acupuncture 3x/week for 2 weeks | 3",
      "PT 1-2 times per week | 2",
      "Chiro twice a week for 3 weeks | 2",
      "PT 4x2 wks | 4",
      "PT 2 times a week for 4 weeks, then 3 times a week | 3",
      "PT 2x week for 6 weeks | 2",
      "Chiropractic 3 x wk | 3",
      "PT for 1 week | ",
      "Physical exam 2 times 8 | ",
      "Chiropractic treatment right knee x6 | ",
      "Spinal manipulation 1 times 8 | ",
      "Associated surgical service: Physical therapy, times 12 | ",
  })
  void readsTheVisitsAWeekOnlyWhereTheDescriptionStatesThem(String description, Integer expected) {
    assertThat(RequestedFrequency.perWeek(description))
        .isEqualTo(expected == null ? OptionalInt.empty() : OptionalInt.of(expected));
  }
}
