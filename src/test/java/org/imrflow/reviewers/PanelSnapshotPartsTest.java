package org.imrflow.reviewers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The parts of a panel snapshot that let a change skip the copy of the whole panel: the map by id
 * with the changed reviewers beside the loaded ones, and the moves kept for prepared rankings.
 */
class PanelSnapshotPartsTest {

  @Test
  void theMapByIdReadsTheChangedReviewersAndKeepsTheLoadedOrderThroughAndAfterMerging() {
    Map<String, PanelReviewer> loaded = new LinkedHashMap<>();
    for (String id : List.of("a", "b", "c")) {
      loaded.put(id, reviewer(id, 0));
    }
    ReviewerPanel.ById byId = new ReviewerPanel.ById(loaded, Map.of());
    // More changes than are kept apart: the map is merged into one on the way, never loses one.
    for (int open = 1; open <= 600; open++) {
      byId = byId.with(Map.of(open % 2 == 0 ? "a" : "c", reviewer(open % 2 == 0 ? "a" : "c", open)));
      assertThat(byId.get("a").openCases()).isEqualTo(open - open % 2);
      assertThat(byId.get("c").openCases()).isEqualTo(open % 2 == 1 ? open : open - 1);
    }
    assertThat(byId.get("b")).isSameAs(loaded.get("b"));
    assertThat(new ArrayList<>(byId.keySet())).containsExactly("a", "b", "c");
    assertThat(byId.values()).extracting(PanelReviewer::openCases).containsExactly(600, 0, 599);
    assertThat(byId.containsKey("d")).isFalse();
    assertThat(byId).hasSize(3);
  }

  @Test
  void movesAreKeptForAWindowOfVersionsAndReachOnlyListsWithinIt() {
    ReviewerPanel.Moves moves = ReviewerPanel.Moves.none(10);
    assertThat(moves.reach(10)).isTrue();
    assertThat(moves.reach(9)).isFalse();
    for (long version = 11; version <= 10 + ReviewerPanel.Moves.VERSIONS_KEPT + 5; version++) {
      moves = moves.then(version, List.of(new ReviewerPanel.Moves.Move(version, 0, 1, reviewer("a", 0))));
    }
    long last = 10 + ReviewerPanel.Moves.VERSIONS_KEPT + 5;
    assertThat(moves.since()).isEqualTo(last - ReviewerPanel.Moves.VERSIONS_KEPT);
    assertThat(moves.list()).hasSize(ReviewerPanel.Moves.VERSIONS_KEPT);
    assertThat(moves.list().get(0).version()).isEqualTo(moves.since() + 1);
    assertThat(moves.reach(moves.since())).isTrue();
    assertThat(moves.reach(moves.since() - 1)).isFalse();
  }

  private static PanelReviewer reviewer(String id, int openCases) {
    return PanelReviewer.of(new ReviewerProfile(id, "Dr. " + id.toUpperCase(), List.of("Orthopedic Surgery"),
        List.of(), List.of(), 10, 30, List.of(), true), openCases);
  }
}
