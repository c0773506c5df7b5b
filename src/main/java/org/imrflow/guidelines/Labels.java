package org.imrflow.guidelines;

import org.imrflow.cases.UsDates;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.imrflow.cases.DisputedItem.BodyRegion;
import org.imrflow.cases.DisputedItem.Category;

/** How findings name categories and body regions in a sentence a reviewer can paste. */
final class Labels {

  /** Dates as the real letters write them. */

  private Labels() {
  }

  static String date(LocalDate date) {
    return UsDates.format(date);
  }

  static String treatment(Category category) {
    return switch (category) {
      case PHYSICAL_THERAPY -> "physical therapy";
      case OCCUPATIONAL_THERAPY -> "occupational therapy";
      case CHIROPRACTIC -> "chiropractic";
      case ACUPUNCTURE -> "acupuncture";
      case MASSAGE -> "massage";
      case POSTSURGICAL_THERAPY -> "postsurgical therapy";
      case MEDICATION -> "medication";
      case IMAGING -> "imaging";
      case INJECTION -> "injections";
      case SURGERY -> "surgery";
      case DME -> "durable medical equipment";
      case PSYCHOLOGICAL -> "psychological treatment";
      case OTHER -> "this treatment";
    };
  }

  static String region(BodyRegion region) {
    return switch (region) {
      case NECK -> "the neck";
      case UPPER_BACK -> "the upper back";
      case LOW_BACK -> "the low back";
      case SHOULDER -> "the shoulder";
      case ELBOW -> "the elbow";
      case WRIST_HAND -> "the wrist and hand";
      case HIP -> "the hip";
      case KNEE -> "the knee";
      case ANKLE_FOOT -> "the ankle and foot";
      case HEAD -> "the head";
      case OTHER -> "other regions";
    };
  }

  static String regions(Collection<BodyRegion> regions) {
    return and(regions.stream().map(Labels::region).toList());
  }

  /** "a", "a and b", "a, b and c". */
  static String and(List<String> parts) {
    if (parts.size() <= 1) {
      return parts.isEmpty() ? "" : parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }

  static String visits(Integer min, Integer max) {
    return min == null || min.equals(max) ? max + " visits" : min + "-" + max + " visits";
  }
}
