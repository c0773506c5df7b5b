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
 */
public record MonthlyReport(String month, Applications applications, long determinations, long itemsUpheld,
    long itemsOverturned, double overturnRate, Double averageDaysFromAssignment,
    Double averageDaysFromCompleteRecords, long qualityReviewReturns) {

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
