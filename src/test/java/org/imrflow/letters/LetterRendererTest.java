package org.imrflow.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LetterRendererTest {

  @Test
  void runsOfBlankLinesBecomeOneAsTheRegularExpressionHadThem() {
    assertThat(LetterRenderer.atMostOneBlankLine("a\n\n\n\nb\nc\n\nd\n\n\n")).isEqualTo("a\n\nb\nc\n\nd\n\n");
    Random random = new Random(18);
    for (int n = 0; n < 500; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        text.append(random.nextInt(3) == 0 ? "x y" : "\n");
      }
      assertThat(LetterRenderer.atMostOneBlankLine(text.toString())).as(text.toString().replace("\n", "|"))
          .isEqualTo(text.toString().replaceAll("\n{3,}", "\n\n"));
    }
  }
}
