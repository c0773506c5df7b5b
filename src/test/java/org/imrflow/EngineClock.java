package org.imrflow;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Moves the engine clock (and with it IMRflow's BusinessClock) in the program's time zone. */
public final class EngineClock {

  public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

  private EngineClock() {
  }

  /** Noon of that day in California. */
  public static void setTo(LocalDate day) {
    setTo(day.atTime(12, 0));
  }

  public static void setTo(LocalDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.atZone(ZONE).toInstant()));
  }

  public static void reset() {
    ClockUtil.reset();
  }
}
