package org.imrflow.reports;

import java.util.Map;

/**
 * The state's monthly figures (API.md §5, DOMAIN.md §5) for the applications received in one month.
 *
 * @param month yyyy-MM
 * @param determinations cases of the month whose final determination letter went out
 * @param itemsUpheld disputed items upheld in those determinations
 * @param itemsOverturned disputed items overturned in those determinations
 * @param overturnRate overturned / (upheld + overturned), 0 when nothing was decided
 * @param averageDaysFromAssignment mean days from the notice of assignment to the letter; null without letters
 * @param averageDaysFromCompleteRecords mean days from complete records to the letter; null without letters
 * @param qualityReviewReturns times a quality review returned items of the month's cases to their reviewer
 * @param itemsByCategory per treatment category (every category, 0 when none): the disputed items of the
 *     month's applications, and those upheld and overturned in the month's determinations with their
 *     overturn rate (DOMAIN.md §5; additive)
 * @param reviewers the reviewers who decided the items of the month's determinations: how many, and how many
 *     by profession, by specialty (board certification) and by state of licensure (DOMAIN.md §5; additive)
 */
public record MonthlyReport(String month, Applications applications, long determinations, long itemsUpheld,
    long itemsOverturned, double overturnRate, Double averageDaysFromAssignment,
    Double averageDaysFromCompleteRecords, long qualityReviewReturns, Map<String, CategoryFigures> itemsByCategory,
    Reviewers reviewers) {

  /**
   * @param items disputed items of the month's applications in this category
   * @param upheld items of the category upheld in the month's determinations
   * @param overturned items of the category overturned in the month's determinations
   * @param overturnRate overturned / (upheld + overturned), 0 when none was decided
   */
  public record CategoryFigures(long items, long upheld, long overturned, double overturnRate) {
  }

  /**
   * @param count distinct reviewers who decided items of the month's determinations
   * @param californiaLicensed of them, those holding a California license
   * @param byProfession reviewers per profession ({@code NOT_STATED} for profiles without one)
   * @param bySpecialty reviewers per board certification, a reviewer counted under each of theirs
   * @param byLicenseState reviewers per state of licensure, a reviewer counted under each state
   */
  public record Reviewers(long count, long californiaLicensed, Map<String, Long> byProfession,
      Map<String, Long> bySpecialty, Map<String, Long> byLicenseState) {
  }

  /**
   * @param total cases registered from applications received in the month (a refused duplicate of
   *     an open case creates none, so it is not counted)
   * @param unique total less the applications found ineligible as duplicates
   * @param eligible applications screened eligible
   * @param ineligible per reason, an application with several reasons counted once under each
   */
  public record Applications(long total, long unique, long eligible, Map<String, Long> ineligible) {
  }
}
