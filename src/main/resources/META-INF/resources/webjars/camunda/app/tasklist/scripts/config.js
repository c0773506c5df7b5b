/*
 * IMRflow's Tasklist configuration. It replaces the webjar's scripts/config.js (Camunda 7.24), whose
 * only setting is the keyboard shortcuts, kept here as they were. Added: the custom script
 * privacy/forget-on-logout.js, which leaves no case data in the browser once its user logged out.
 */
export default {
  customScripts: ['privacy/forget-on-logout'],
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
