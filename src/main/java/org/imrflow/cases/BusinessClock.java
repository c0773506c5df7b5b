package org.imrflow.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's clock seen in the program's time zone. Everything that asks "what day is it"
 * asks here, so that tests which move the engine clock move IMRflow's days with it.
 */
@Component
public class BusinessClock {

  private final ZoneId zone;

  public BusinessClock(@Value("${imrflow.zone:America/Los_Angeles}") String zone) {
    this.zone = ZoneId.of(zone);
  }

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public LocalDate today() {
    return LocalDate.ofInstant(now(), zone);
  }

  /** Midnight at the start of the day. */
  public Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(zone).toInstant());
  }

  /** The moment a day has passed: a deadline on this day is missed from then on. */
  public Date endOf(LocalDate day) {
    return startOf(day.plusDays(1));
  }

  public LocalDate dayOf(Instant instant) {
    return LocalDate.ofInstant(instant, zone);
  }

  /**
   * This clock as a {@link java.time.Clock}, for code that takes one: Bean Validation's
   * {@code @PastOrPresent} then means "not after today in California" by the engine's time.
   */
  public Clock asClock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return Clock.fixed(instant(), other);
      }

      @Override
      public Instant instant() {
        return now();
      }
    };
  }
}
