package org.imrflow.reviewers;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.imrflow.reviewers.ReviewerProfile.Affiliation;
import org.imrflow.reviewers.ReviewerProfile.AffiliationKind;
import org.imrflow.reviewers.ReviewerProfile.Certification;
import org.imrflow.reviewers.ReviewerProfile.Profession;
import org.imrflow.reviewers.ReviewerProfile.License;
import org.imrflow.web.FieldProblem;
import org.imrflow.web.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Onboards a panel from CSV: one reviewer a row, a header naming the columns, lists separated by
 * {@code ;}. Licenses are {@code STATE:NUMBER:EXPIRES}, certifications {@code NAME:EXPIRES},
 * affiliations {@code KIND:ID:NAME} (ID may be empty); {@code profession} one of
 * {@link ReviewerProfile.Profession}. A file with any bad row imports nothing and names every bad row by line.
 * A reviewer without a Camunda user gets one (in group reviewers), with no password until an
 * administrator sets it.
 */
@Component
class ReviewerCsvImport {

  static final List<String> REQUIRED_COLUMNS = List.of("userId", "name");
  static final List<String> COLUMNS = List.of("userId", "name", "profession", "boardCertifications", "subspecialties",
      "certifications", "licenses", "yearsInPractice", "activePracticeHoursPerWeek", "affiliations", "active", "email");

  private final ReviewerPanelService panel;
  private final IdentityService identity;

  ReviewerCsvImport(ReviewerPanelService panel, IdentityService identity) {
    this.panel = panel;
    this.identity = identity;
  }

  @Transactional
  List<ReviewerProfile> importAll(String csv) {
    List<FieldProblem> errors = new ArrayList<>();
    List<Row> rows = parse(csv, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    List<ReviewerProfile> saved = new ArrayList<>();
    for (Row row : rows) {
      if (panel.userOf(row.profile.userId()).isEmpty()) {
        User user = identity.newUser(row.profile.userId());
        user.setFirstName(row.profile.name());
        user.setLastName("");
        user.setEmail(row.email);
        identity.saveUser(user);
      }
      saved.add(panel.save(row.profile.normalized()));
    }
    return saved;
  }

  private record Row(ReviewerProfile profile, String email) {
  }

  private List<Row> parse(String csv, List<FieldProblem> errors) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).get();
    List<Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(csv == null ? "" : csv), format)) {
      List<String> header = parser.getHeaderNames();
      for (String column : REQUIRED_COLUMNS) {
        if (!header.contains(column)) {
          errors.add(new FieldProblem("line 1", "the header has no column " + column));
        }
      }
      for (String column : header) {
        if (!COLUMNS.contains(column)) {
          errors.add(new FieldProblem("line 1", "unknown column " + column + "; columns are " + COLUMNS));
        }
      }
      if (!errors.isEmpty()) {
        return rows;
      }
      Set<String> seen = new HashSet<>();
      for (CSVRecord record : parser) {
        String line = "line " + parser.getCurrentLineNumber();
        List<String> problems = new ArrayList<>();
        ReviewerProfile profile = profile(record, problems);
        if (profile != null) {
          panel.validate(profile, "").forEach(p -> problems.add(p.field() + " " + p.message()));
          if (profile.userId() != null && !seen.add(profile.userId())) {
            problems.add("userId " + profile.userId() + " appears twice in the file");
          }
        }
        problems.forEach(p -> errors.add(new FieldProblem(line, p)));
        if (problems.isEmpty()) {
          rows.add(new Row(profile, value(record, "email")));
        }
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      errors.add(new FieldProblem("file", "not readable as CSV: " + e.getMessage()));
    }
    if (errors.isEmpty() && rows.isEmpty()) {
      errors.add(new FieldProblem("file", "no reviewer rows"));
    }
    return rows;
  }

  private ReviewerProfile profile(CSVRecord r, List<String> problems) {
    List<License> licenses = new ArrayList<>();
    for (String entry : list(value(r, "licenses"))) {
      String[] parts = entry.split(":", 3);
      if (parts.length != 3) {
        problems.add("licenses: '" + entry + "' is not STATE:NUMBER:EXPIRES");
        continue;
      }
      try {
        licenses.add(new License(parts[0].trim().toUpperCase(Locale.ROOT), parts[1].trim(), LocalDate.parse(parts[2].trim())));
      } catch (DateTimeParseException e) {
        problems.add("licenses: expiry '" + parts[2].trim() + "' is not a date yyyy-MM-dd");
      }
    }
    List<Certification> certifications = new ArrayList<>();
    for (String entry : list(value(r, "certifications"))) {
      // The expiry after the last colon: a certification's name may hold one.
      int colon = entry.lastIndexOf(':');
      String expires = colon < 0 ? "" : entry.substring(colon + 1).trim();
      if (expires.isEmpty()) {
        problems.add("certifications: '" + entry + "' has no expiry date (NAME:yyyy-MM-dd)");
        continue;
      }
      try {
        certifications.add(new Certification(entry.substring(0, colon).trim(), LocalDate.parse(expires)));
      } catch (DateTimeParseException e) {
        problems.add("certifications: expiry '" + expires + "' is not a date yyyy-MM-dd");
      }
    }
    Profession profession = null;
    String professionValue = blankToNull(value(r, "profession"));
    if (professionValue != null) {
      try {
        profession = Profession.valueOf(professionValue.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add("profession: '" + professionValue + "' is not one of " + Arrays.toString(Profession.values()));
      }
    }
    List<Affiliation> affiliations = new ArrayList<>();
    for (String entry : list(value(r, "affiliations"))) {
      String[] parts = entry.split(":", 3);
      if (parts.length != 3) {
        problems.add("affiliations: '" + entry + "' is not KIND:ID:NAME");
        continue;
      }
      try {
        AffiliationKind kind = AffiliationKind.valueOf(parts[0].trim().toUpperCase(Locale.ROOT));
        affiliations.add(new Affiliation(kind, blankToNull(parts[1]), blankToNull(parts[2])));
      } catch (IllegalArgumentException e) {
        problems.add("affiliations: kind '" + parts[0].trim() + "' is not one of " + Arrays.toString(AffiliationKind.values()));
      }
    }
    Integer years = number(r, "yearsInPractice", problems);
    Integer hours = number(r, "activePracticeHoursPerWeek", problems);
    Boolean active = bool(r, "active", problems);
    return new ReviewerProfile(blankToNull(value(r, "userId")), blankToNull(value(r, "name")), profession,
        list(value(r, "boardCertifications")), list(value(r, "subspecialties")), certifications, licenses, years, hours,
        affiliations, active);
  }

  private static String value(CSVRecord r, String column) {
    return r.isMapped(column) && r.isSet(column) ? r.get(column) : null;
  }

  private static List<String> list(String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static Integer number(CSVRecord r, String column, List<String> problems) {
    String v = value(r, column);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(v.trim());
    } catch (NumberFormatException e) {
      problems.add(column + ": '" + v + "' is not a whole number");
      return null;
    }
  }

  private static Boolean bool(CSVRecord r, String column, List<String> problems) {
    String v = value(r, column);
    if (v == null || v.isBlank()) {
      return null;
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1" -> true;
      case "false", "no", "n", "0" -> false;
      default -> {
        problems.add(column + ": '" + v + "' is not true or false");
        yield null;
      }
    };
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
