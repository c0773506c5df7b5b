package org.imrflow.reviewers;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.imrflow.reviewers.ReviewerProfile.Affiliation;
import org.imrflow.reviewers.ReviewerProfile.License;

/**
 * A reviewer as the matcher sees one: the profile with its names normalised once (specialties and
 * affiliation names, which every screening compares), and open cases.
 */
record PanelReviewer(ReviewerProfile profile, Set<String> specialties, List<Affiliation> affiliations, int openCases) {

  static PanelReviewer of(ReviewerProfile profile, int openCases) {
    Set<String> specialties = Stream.concat(profile.boardCertifications().stream(), profile.subspecialties().stream())
        .map(Names::normalize)
        .collect(Collectors.toUnmodifiableSet());
    // Normalised here, once per panel load, instead of for every party of every case screened.
    List<Affiliation> affiliations = profile.affiliations().stream()
        .map(a -> new Affiliation(a.kind(), a.id(), Names.normalize(a.name())))
        .toList();
    return new PanelReviewer(profile, specialties, affiliations, openCases);
  }

  String userId() {
    return profile.userId();
  }

  String name() {
    return profile.name();
  }

  boolean active() {
    return Boolean.TRUE.equals(profile.active());
  }

  boolean hasCurrentLicense(LocalDate today) {
    return profile.licenses().stream().anyMatch(l -> current(l, today));
  }

  boolean hasCurrentCaliforniaLicense(LocalDate today) {
    return profile.licenses().stream().anyMatch(l -> "CA".equalsIgnoreCase(l.state()) && current(l, today));
  }

  private static boolean current(License license, LocalDate today) {
    return license.expires() != null && !license.expires().isBefore(today);
  }
}
