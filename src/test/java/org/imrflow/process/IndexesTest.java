package org.imrflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndexesTest {

  private final Indexes indexes = new Indexes();

  @Test
  void storedAsTextReadAsAList() {
    ProcessVariable<List<Integer>> items = CaseProcess.ITEMS_TO_DECIDE;
    assertThat(items.stored(List.of(0, 2, 3))).isEqualTo("0,2,3");
    assertThat(items.stored(List.of())).isEqualTo("");
    assertThat(indexes.of("0,2,3")).containsExactly(0, 2, 3);
    assertThat(indexes.of(items.stored(List.of(7)))).containsExactly(7);
    // Empty: the model's "${itemsToDecide.isEmpty()}" holds for the text as for a list.
    assertThat(indexes.of("")).isEmpty();
    assertThat(indexes.of(null)).isNull();
  }

  @Test
  void aJsonListAnEarlierVersionStoredReadsTheSame() {
    // What Spin gives back for a stored JSON list: Jackson's numbers.
    assertThat(indexes.of(List.of(1, 4L))).containsExactly(1, 4);
  }
}
