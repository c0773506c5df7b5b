/*
 * IMRflow's Cockpit configuration. It replaces the webjar's scripts/config.js, whose settings are
 * all commented-out examples (Camunda 7.24): every default stays in force. Only the custom script
 * below is added: the SLA board plugin (sla/sla-plugin.js), with a navigation entry, the page
 * #/sla and a dashboard tile.
 *
 * Other options of the default file, for reference: app {name, vendor}, requireJsConfig,
 * historicActivityInstanceMetrics, runtimeActivityInstanceMetrics, locales, skipCustomListeners,
 * skipIoMappings, cascade, batchOperation, bpmnJs, defaultFilter, csrfCookieName,
 * disableWelcomeMessage, userOperationLogAnnotationLength, previewHtml.
 */
export default {
  customScripts: ['sla/sla-plugin']
};
