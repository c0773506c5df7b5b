package org.imrflow.reports;

import java.util.List;

/**
 * The monthly figures over several months, for the SLA board's charts (additive to API.md §5).
 *
 * @param from first month, yyyy-MM
 * @param to last month, yyyy-MM
 * @param months one entry per month, oldest first, months without cases included
 * @param overturnByCategory items decided in the letters sent from {@code from} to {@code to}, per category
 *     of disputed item, categories with decisions only
 * @param daysPerStage mean days each stage took, over the cases whose letter went out in the period
 */
public record TrendReport(String from, String to, List<Month> months, List<CategoryOverturns> overturnByCategory,
    List<Stage> daysPerStage) {

  /**
   * @param month yyyy-MM
   * @param applications applications received in the month
   * @param determinations final determination letters sent in the month
   * @param determinationsInTime of those, sent by their determination due date (30 days from
   *     complete records, 3 when expedited: the statutory limits of DOMAIN.md)
   * @param shareInTime determinationsInTime / determinations, null without determinations
   */
  public record Month(String month, long applications, long determinations, long determinationsInTime,
      Double shareInTime) {
  }

  /**
   * @param category the disputed item's category (API.md §5)
   * @param upheld items upheld
   * @param overturned items overturned
   * @param overturnRate overturned / (upheld + overturned)
   */
  public record CategoryOverturns(String category, long upheld, long overturned, double overturnRate) {
  }

  /**
   * @param stage {@code SCREENING} (application to notice of assignment), {@code RECORDS} (notice to
   *     complete records), {@code ASSIGNMENT} (complete records to a reviewer assigned),
   *     {@code REVIEW} (assigned to the last item decided), {@code LETTER} (decided to letter sent)
   * @param averageDays mean days, null when no case has both dates
   * @param cases cases counted
   */
  public record Stage(String stage, Double averageDays, long cases) {
  }
}
