package org.imrflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CaseNumbersTest {

  @Test
  void theYearOfReceiptAndSevenDigitsOfTheSequence() {
    assertThat(CaseNumbers.format(LocalDate.of(2014, 8, 4), 1)).isEqualTo("CM14-0000001");
    assertThat(CaseNumbers.format(LocalDate.of(2005, 1, 1), 4_242)).isEqualTo("CM05-0004242");
    assertThat(CaseNumbers.format(LocalDate.of(2026, 12, 5), 9_999_999)).isEqualTo("CM26-9999999");
    // Past ten million the sequence's last seven digits.
    assertThat(CaseNumbers.format(LocalDate.of(2100, 1, 1), 12_345_678)).isEqualTo("CM00-2345678");
  }
}
