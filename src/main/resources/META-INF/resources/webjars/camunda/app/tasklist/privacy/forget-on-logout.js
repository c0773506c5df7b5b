/*
 * Tasklist keeps what a user typed into a task form as a draft in the browser's localStorage, and
 * some views in sessionStorage: a reviewer's unfinished case summary, a coordinator's half-entered
 * application. On a shared workstation that is protected health information left behind. Whenever
 * Tasklist shows its login page (after "Log out", or a session that ended), both stores are emptied.
 * Drafts therefore last as long as the login, not longer.
 */
function forgetIfLoggedOut() {
  if (window.location.hash.indexOf('#/login') === 0) {
    window.localStorage.clear();
    window.sessionStorage.clear();
  }
}

window.addEventListener('hashchange', forgetIfLoggedOut);
forgetIfLoggedOut();

// A custom script is a plugin module: this one adds no plugin.
export default [];
