package org.imrflow.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.event.EventType;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionManager;
import org.springframework.stereotype.Component;

/**
 * The engine's event subscriptions, with a message subscription deleted without looking for the jobs
 * that deliver an event to it later. The engine makes such a job (an asynchronous "event" job) only
 * for a signal thrown asynchronously and for compensation; a message is always delivered in the
 * correlating command. Yet for every subscription it deletes the engine looked for them, a statement
 * each: 6 in a full case, whose conflict, records and course-change messages are subscriptions of the
 * case's scopes. Every other kind of subscription is deleted as the engine does.
 */
class MessageSubscriptionsDeletedAlone extends EventSubscriptionManager {

  @Override
  public void deleteEventSubscription(EventSubscriptionEntity subscription) {
    if (subscription.isSubscriptionForEventType(EventType.MESSAGE)) {
      getDbEntityManager().delete(subscription);
    } else {
      super.deleteEventSubscription(subscription);
    }
  }

  /** Puts the manager in the engine's place, one per command like the engine's own. */
  @Component
  static class Plugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      EngineSessions.replace(configuration, EventSubscriptionManager.class, MessageSubscriptionsDeletedAlone::new);
    }
  }
}
