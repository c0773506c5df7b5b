package org.imrflow.reviewers;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.imrflow.reviewers.ReviewerProfile.Affiliation;
import org.imrflow.reviewers.ReviewerProfile.License;

/**
 * A reviewer as the matcher sees one, prepared once per panel load: names normalised (specialties and
 * affiliation names, which every screening compares), the last day any license and any California
 * license is current, the line the assignment form shows, and open cases.
 */
record PanelReviewer(ReviewerProfile profile, Set<String> specialties, List<Affiliation> affiliations, int openCases,
    LocalDate licensedUntil, LocalDate licensedInCaliforniaUntil, String specialtyLine) {

  static PanelReviewer of(ReviewerProfile profile, int openCases) {
    Set<String> specialties = Stream.concat(profile.boardCertifications().stream(), profile.subspecialties().stream())
        .map(Names::normalize)
        .collect(Collectors.toUnmodifiableSet());
    // Normalised here, once per panel load, instead of for every party of every case screened.
    List<Affiliation> affiliations = profile.affiliations().stream()
        .map(a -> new Affiliation(a.kind(), a.id(), Names.normalize(a.name())))
        .toList();
    return new PanelReviewer(profile, specialties, affiliations, openCases, lastDay(profile.licenses(), false),
        lastDay(profile.licenses(), true), String.join(", ", profile.boardCertifications()));
  }

  private static LocalDate lastDay(List<License> licenses, boolean californiaOnly) {
    return licenses.stream()
        .filter(l -> l.expires() != null && (!californiaOnly || "CA".equalsIgnoreCase(l.state())))
        .map(License::expires)
        .max(LocalDate::compareTo)
        .orElse(null);
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
    return licensedUntil != null && !licensedUntil.isBefore(today);
  }

  boolean hasCurrentCaliforniaLicense(LocalDate today) {
    return licensedInCaliforniaUntil != null && !licensedInCaliforniaUntil.isBefore(today);
  }
}
