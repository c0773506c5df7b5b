package org.imrflow.setup;

import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.imrflow.deadlines.TaskFilters;
import org.imrflow.demo.DemoData;
import org.imrflow.security.IdentitySetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What must be in place before IMRflow answers healthy, once the processes are deployed: groups
 * and authorizations, the Tasklist filters, and (outside production) the demo data.
 */
@Component("startup")
class StartupSequence implements HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(StartupSequence.class);

  private final StartupLock lock;
  private final IdentitySetup identity;
  private final TaskFilters filters;
  private final DemoData demo;
  private final boolean demoEnabled;
  private final AtomicBoolean ready = new AtomicBoolean();

  StartupSequence(StartupLock lock, IdentitySetup identity, TaskFilters filters, DemoData demo,
      @Value("${imrflow.demo.enabled:true}") boolean demoEnabled) {
    this.lock = lock;
    this.identity = identity;
    this.filters = filters;
    this.demo = demo;
    this.demoEnabled = demoEnabled;
  }

  @EventListener(PostDeployEvent.class)
  void deployed() {
    lock.run(() -> {
      identity.ensureGroupsAndAuthorizations();
      filters.ensure();
    });
    if (demoEnabled) {
      demo.loadIfEmpty();
    }
    ready.set(true);
    log.info("IMRflow is ready");
  }

  @Override
  public Health health() {
    return ready.get() ? Health.up().build() : Health.down().withDetail("startup", "in progress").build();
  }
}
