package org.imrflow.reviewers;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.imrflow.reviewers.ReviewerProfile.Affiliation;
import org.imrflow.reviewers.ReviewerProfile.Certification;
import org.imrflow.reviewers.ReviewerProfile.License;

/**
 * A reviewer as the matcher sees one, prepared once per panel load: names normalised (specialties and
 * affiliation names, which every screening compares), the last day any license and any California
 * license is current, the line the assignment form shows, and open cases.
 *
 * @param specialties every specialty named, dated certifications included (current ones on a day:
 *     {@link #specialtiesOn})
 * @param certifiedUntil per normalised certification name with an expiry date, its last current day
 * @param certificationsCurrentUntil the first expiry of a dated certification (null: none is dated):
 *     up to that day {@code specialties} are all current, so most reviewers need no per-day work
 */
record PanelReviewer(ReviewerProfile profile, Set<String> specialties, List<Affiliation> affiliations, int openCases,
    LocalDate licensedUntil, LocalDate licensedInCaliforniaUntil, String specialtyLine,
    Map<String, LocalDate> certifiedUntil, LocalDate certificationsCurrentUntil) {

  static PanelReviewer of(ReviewerProfile profile, int openCases) {
    List<Certification> dated = profile.certifications() == null ? List.of() : profile.certifications();
    Set<String> specialties = Stream.of(profile.boardCertifications().stream(), profile.subspecialties().stream(),
            dated.stream().map(Certification::name))
        .flatMap(s -> s)
        .map(Names::normalize)
        .collect(Collectors.toUnmodifiableSet());
    Map<String, LocalDate> certifiedUntil = new HashMap<>();
    for (Certification c : dated) {
      if (c.expires() != null) {
        certifiedUntil.merge(Names.normalize(c.name()), c.expires(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    LocalDate firstExpiry = certifiedUntil.values().stream().min(LocalDate::compareTo).orElse(null);
    // Normalised here, once per panel load, instead of for every party of every case screened.
    List<Affiliation> affiliations = profile.affiliations().stream()
        .map(a -> new Affiliation(a.kind(), Names.blank(a.id()) ? a.id() : ConflictScreening.Parties.idKey(a.id()),
            Names.normalize(a.name())))
        .toList();
    return new PanelReviewer(profile, specialties, affiliations, openCases, lastDay(profile.licenses(), false),
        lastDay(profile.licenses(), true), String.join(", ", profile.boardCertifications()), Map.copyOf(certifiedUntil),
        firstExpiry);
  }

  private static LocalDate lastDay(List<License> licenses, boolean californiaOnly) {
    return licenses.stream()
        .filter(l -> l.expires() != null && (!californiaOnly || "CA".equalsIgnoreCase(l.state())))
        .map(License::expires)
        .max(LocalDate::compareTo)
        .orElse(null);
  }

  /**
   * The specialties that count on {@code today}: a dated certification counts through its expiry
   * day, and its name does not count after it even where {@code boardCertifications} repeats it.
   */
  Set<String> specialtiesOn(LocalDate today) {
    if (certificationsCurrentUntil == null || !today.isAfter(certificationsCurrentUntil)) {
      return specialties;
    }
    Set<String> current = new HashSet<>(specialties);
    certifiedUntil.forEach((name, until) -> {
      if (today.isAfter(until)) {
        current.remove(name);
      }
    });
    return current;
  }

  /** The board certifications that count on {@code today} (not subspecialties), by normalised name. */
  boolean hasCurrentCertification(LocalDate today) {
    for (String board : profile.boardCertifications()) {
      LocalDate until = certifiedUntil.get(Names.normalize(board));
      if (until == null || !today.isAfter(until)) {
        return true;
      }
    }
    return false;
  }

  ReviewerProfile.Profession profession() {
    return profile.profession();
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
