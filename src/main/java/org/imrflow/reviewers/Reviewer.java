package org.imrflow.reviewers;

import java.time.Instant;
import org.imrflow.persistence.Id;

/** A panel reviewer as stored: the profile's lists are JSON, read whole into the panel snapshot. */
class Reviewer {

  @Id
  private String userId;
  private String name;
  private String profession;
  private String boardCertifications;
  private String subspecialties;
  private String certifications;
  private String licenses;
  private Integer yearsInPractice;
  private Integer activePracticeHoursPerWeek;
  private String affiliations;
  private boolean active;
  private int openCases;
  private Instant updatedAt;

  protected Reviewer() {
  }

  Reviewer(String userId) {
    this.userId = userId;
  }

  void update(String name, String profession, String boardCertifications, String subspecialties, String certifications,
      String licenses, Integer yearsInPractice, Integer activePracticeHoursPerWeek, String affiliations, boolean active,
      Instant updatedAt) {
    this.name = name;
    this.profession = profession;
    this.certifications = certifications;
    this.boardCertifications = boardCertifications;
    this.subspecialties = subspecialties;
    this.licenses = licenses;
    this.yearsInPractice = yearsInPractice;
    this.activePracticeHoursPerWeek = activePracticeHoursPerWeek;
    this.affiliations = affiliations;
    this.active = active;
    this.updatedAt = updatedAt;
  }

  String getUserId() { return userId; }
  String getName() { return name; }
  String getProfession() { return profession; }
  String getBoardCertifications() { return boardCertifications; }
  String getCertifications() { return certifications; }
  String getSubspecialties() { return subspecialties; }
  String getLicenses() { return licenses; }
  Integer getYearsInPractice() { return yearsInPractice; }
  Integer getActivePracticeHoursPerWeek() { return activePracticeHoursPerWeek; }
  String getAffiliations() { return affiliations; }
  boolean isActive() { return active; }
}
