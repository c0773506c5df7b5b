package org.imrflow;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Moves the engine clock (and with it IMRflow's BusinessClock) in the program's time zone.
 *
 * <p>{@code -Dimrflow.test.now=2027-01-05T10:00} (California time) runs the suite on another day:
 * the clock starts there and keeps ticking, so that CI can run the date-sensitive tests on a day
 * and month of one digit, across a change to or from daylight saving time, and on 29 February.
 * {@link #reset()} goes back to that shifted clock, not to the real one.
 */
public final class EngineClock {

  public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
  private static final long OFFSET_MILLIS = offset();

  private EngineClock() {
  }

  /** Noon of that day in California. */
  public static void setTo(LocalDate day) {
    setTo(day.atTime(12, 0));
  }

  public static void setTo(LocalDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.atZone(ZONE).toInstant()));
  }

  /** Back to the suite's clock: the real one, or the one {@code imrflow.test.now} shifted. */
  public static void reset() {
    if (OFFSET_MILLIS == 0) {
      ClockUtil.reset();
    } else {
      ClockUtil.offset(OFFSET_MILLIS);
    }
  }

  /** How far the suite's clock is ahead of the real one (0 unless {@code imrflow.test.now} is set). */
  public static long offsetMillis() {
    return OFFSET_MILLIS;
  }

  private static long offset() {
    String now = System.getProperty("imrflow.test.now", "");
    return now.isBlank() ? 0
        : LocalDateTime.parse(now).atZone(ZONE).toInstant().toEpochMilli() - System.currentTimeMillis();
  }
}
