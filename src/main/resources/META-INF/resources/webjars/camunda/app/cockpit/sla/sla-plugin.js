/*
 * IMRflow SLA board for Camunda Cockpit 7.24 (loaded through scripts/config.js customScripts).
 *
 * Three plugins: a header entry "SLA board", the page #/sla (open cases by deadline, and the
 * state's monthly figures for a chosen month) and a dashboard tile with the count of cases per
 * state. Data comes from IMRflow's own API (GET /api/sla, /api/sla/summary,
 * /api/reports/monthly), which accepts the session of the user logged in to Cockpit for reads:
 * every request is same-origin with the session cookie, never anonymous.
 *
 * Plain ES module, no build step. Nothing here touches the DOM until Cockpit calls render().
 */

const PAGE_SIZE = 100;

const STATES = [
  { key: 'BREACHED', label: 'Breached', hint: 'past the deadline' },
  { key: 'AT_RISK', label: 'At risk', hint: 'less than a fifth of the time left' },
  { key: 'ON_TRACK', label: 'On track', hint: 'within the deadline' }
];

const STATUS_LABELS = {
  ELIGIBILITY_REVIEW: 'Eligibility review',
  INELIGIBLE: 'Ineligible',
  AWAITING_RECORDS: 'Awaiting records',
  REVIEWER_ASSIGNMENT: 'Reviewer assignment',
  IN_REVIEW: 'In review',
  QUALITY_REVIEW: 'Quality review',
  LETTER_SENT: 'Letter sent',
  TERMINATED: 'Terminated',
  WITHDRAWN: 'Withdrawn'
};

const REASON_LABELS = {
  UNSIGNED: 'Unsigned',
  LATE_APPLICATION: 'Late application',
  NO_UR_REPORT: 'No UR decision attached',
  CONDITIONALLY_NON_CERTIFIED: 'Conditionally non-certified',
  DUPLICATE: 'Duplicate'
};

const CSS = `
.imr-sla { padding: 20px 24px 40px; color: #333; font-size: 14px; }
.imr-sla h1 { font-size: 24px; margin: 0 0 4px; }
.imr-sla h2 { font-size: 18px; margin: 0 0 12px; }
.imr-sla__head { display: flex; align-items: flex-end; justify-content: space-between; gap: 16px;
  border-bottom: 1px solid #ddd; padding-bottom: 12px; margin-bottom: 16px; }
.imr-sla__sub { color: #666; margin: 0; }
.imr-sla__section { background: #fff; border: 1px solid #ddd; border-radius: 4px; padding: 16px;
  margin-bottom: 20px; }
.imr-sla__button { background: #fff; border: 1px solid #b5152b; color: #b5152b; border-radius: 3px;
  padding: 5px 12px; cursor: pointer; font-size: 13px; }
.imr-sla__button:hover { background: #b5152b; color: #fff; }
.imr-sla__button[disabled] { opacity: .5; cursor: default; }
.imr-sla__counts { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 20px; }
.imr-sla__count { display: flex; flex-direction: column; min-width: 130px; padding: 10px 16px; border-radius: 4px;
  border-left: 6px solid #999; background: #f5f5f5; text-decoration: none !important; color: #333 !important; }
.imr-sla__count-n { font-size: 28px; font-weight: 600; line-height: 1.1; }
.imr-sla__count-l { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.imr-sla__count--BREACHED { border-color: #c62828; background: #fdecea; }
.imr-sla__count--BREACHED .imr-sla__count-n { color: #c62828; }
.imr-sla__count--AT_RISK { border-color: #ef8f00; background: #fff4e0; }
.imr-sla__count--AT_RISK .imr-sla__count-n { color: #b26a00; }
.imr-sla__count--ON_TRACK { border-color: #2e7d32; background: #e8f5e9; }
.imr-sla__count--ON_TRACK .imr-sla__count-n { color: #2e7d32; }
.imr-sla__table { width: 100%; border-collapse: collapse; }
.imr-sla__table th { text-align: left; font-weight: 600; color: #555; border-bottom: 2px solid #ddd;
  padding: 6px 10px; white-space: nowrap; }
.imr-sla__table td { border-bottom: 1px solid #eee; padding: 7px 10px; vertical-align: middle; }
.imr-sla__table tr:hover td { background: #fafafa; }
.imr-sla__row--BREACHED td:first-child { box-shadow: inset 4px 0 0 #c62828; }
.imr-sla__row--AT_RISK td:first-child { box-shadow: inset 4px 0 0 #ef8f00; }
.imr-sla__row--ON_TRACK td:first-child { box-shadow: inset 4px 0 0 #2e7d32; }
.imr-sla__num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.imr-sla__case { font-family: monospace; font-size: 13px; white-space: nowrap; }
.imr-sla__muted { color: #888; font-size: 12px; }
.imr-sla__pill { display: inline-block; padding: 2px 9px; border-radius: 10px; font-size: 12px; font-weight: 600;
  color: #fff; background: #777; white-space: nowrap; }
.imr-sla__pill--BREACHED { background: #c62828; }
.imr-sla__pill--AT_RISK { background: #ef8f00; }
.imr-sla__pill--ON_TRACK { background: #2e7d32; }
.imr-sla__pill--expedited { background: #6a1b9a; }
.imr-sla__late { color: #c62828; font-weight: 600; }
.imr-sla__soon { color: #b26a00; font-weight: 600; }
.imr-sla__empty { color: #666; padding: 16px 0; }
.imr-sla__error { color: #a94442; background: #f2dede; border: 1px solid #ebccd1; border-radius: 4px;
  padding: 10px 14px; margin: 8px 0; }
.imr-sla__more { margin-top: 12px; text-align: center; }
.imr-sla__month { display: flex; align-items: center; gap: 10px; margin-bottom: 14px; }
.imr-sla__month input { padding: 3px 6px; border: 1px solid #ccc; border-radius: 3px; }
.imr-sla__figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 12px; }
.imr-sla__figure { border: 1px solid #e3e3e3; border-radius: 4px; padding: 10px 12px; background: #fcfcfc; }
.imr-sla__figure-n { font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
.imr-sla__figure-l { color: #666; font-size: 12px; }
.imr-sla__reasons { margin: 4px 0 0; padding: 0; list-style: none; font-size: 13px; }
.imr-sla__reasons li { display: flex; justify-content: space-between; gap: 8px; }
.imr-sla-tile { padding: 0 0 10px; }
.imr-sla-tile h1 { font-size: 20px; margin: 0 0 10px; }
.imr-sla-tile .imr-sla__counts { margin-bottom: 8px; }
`;

// ---- plumbing ----

function ensureStyle() {
  if (!document.getElementById('imr-sla-style')) {
    const style = document.createElement('style');
    style.id = 'imr-sla-style';
    style.textContent = CSS;
    document.head.appendChild(style);
  }
}

/** IMRflow's API sits at the servlet root, beside the webapps' path (app-root, "/camunda" by default). */
function apiRoot() {
  const base = document.querySelector('base');
  const appRoot = (base && base.getAttribute('app-root')) || '';
  return appRoot.replace(/\/[^/]*$/, '') + '/api';
}

async function getJson(path) {
  const response = await fetch(apiRoot() + path, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' }
  });
  if (!response.ok) {
    let detail = '';
    try {
      detail = (await response.json()).detail || '';
    } catch (ignored) {
      // not a problem+json body
    }
    const error = new Error(detail || response.statusText || 'HTTP ' + response.status);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

function explain(error) {
  if (error.status === 401) {
    return 'Your Cockpit session has ended: log in again to see the SLA board.';
  }
  if (error.status === 403) {
    return 'The SLA board is for managers (groups managers or camunda-admin).';
  }
  return 'Could not load: ' + error.message;
}

/** Builds an element; children are nodes or text (never parsed as HTML). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([key, value]) => {
    if (value === null || value === undefined || value === false) {
      return;
    }
    if (key === 'class') {
      node.className = value;
    } else if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  });
  children.flat().forEach(child => {
    if (child !== null && child !== undefined && child !== false) {
      node.append(typeof child === 'object' ? child : document.createTextNode(String(child)));
    }
  });
  return node;
}

function replace(node, ...children) {
  node.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined && c !== false));
}

function errorBox(error) {
  return el('div', { class: 'imr-sla__error', role: 'alert' }, explain(error));
}

// ---- formatting ----

function weekday(isoDate) {
  return new Date(isoDate + 'T00:00:00Z').toLocaleDateString('en-US', { weekday: 'short', timeZone: 'UTC' });
}

function daysLeft(row) {
  if (row.daysLeft === null || row.daysLeft === undefined) {
    return el('span', { class: 'imr-sla__muted' }, 'no clock yet');
  }
  const n = row.daysLeft;
  if (n < 0) {
    return el('span', { class: 'imr-sla__late' }, -n + (n === -1 ? ' day' : ' days') + ' overdue');
  }
  if (n === 0) {
    return el('span', { class: 'imr-sla__soon' }, 'due today');
  }
  return el('span', { class: row.sla === 'AT_RISK' ? 'imr-sla__soon' : null }, n + (n === 1 ? ' day' : ' days'));
}

function stateLabel(key) {
  const state = STATES.find(s => s.key === key);
  return state ? state.label : key;
}

function currentMonth() {
  const now = new Date();
  return now.getFullYear() + '-' + String(now.getMonth() + 1).padStart(2, '0');
}

function number(value) {
  return value === null || value === undefined ? '—' : Number(value).toLocaleString('en-US');
}

// ---- pieces ----

function counts(summary) {
  return el('div', { class: 'imr-sla__counts' },
    STATES.map(state => el('a', {
      class: 'imr-sla__count imr-sla__count--' + state.key,
      href: '#/sla',
      title: state.hint
    },
    el('span', { class: 'imr-sla__count-n' }, number(summary[state.key])),
    el('span', { class: 'imr-sla__count-l' }, state.label))),
    el('div', { class: 'imr-sla__count' },
      el('span', { class: 'imr-sla__count-n' }, number(summary.open)),
      el('span', { class: 'imr-sla__count-l' }, 'Open cases')));
}

function caseRow(row) {
  const deadlineKind = row.status === 'AWAITING_RECORDS' ? 'records due' : 'determination due';
  return el('tr', { class: 'imr-sla__row--' + row.sla },
    el('td', { class: 'imr-sla__case' }, row.caseNumber),
    el('td', null, STATUS_LABELS[row.status] || row.status),
    el('td', null, row.expedited
      ? el('span', { class: 'imr-sla__pill imr-sla__pill--expedited' }, 'Expedited')
      : el('span', { class: 'imr-sla__muted' }, 'Standard')),
    el('td', { style: 'white-space: nowrap' }, row.deadline
      ? [row.deadline, ' ', el('span', { class: 'imr-sla__muted' }, weekday(row.deadline) + ' · ' + deadlineKind)]
      : el('span', { class: 'imr-sla__muted' }, '—')),
    el('td', { class: 'imr-sla__num' }, daysLeft(row)),
    el('td', null, el('span', { class: 'imr-sla__pill imr-sla__pill--' + row.sla }, stateLabel(row.sla))),
    el('td', null, row.reviewer || el('span', { class: 'imr-sla__muted' }, 'not assigned')),
    el('td', null, row.processInstanceId
      ? el('a', { href: '#/process-instance/' + encodeURIComponent(row.processInstanceId), title: 'Open in Cockpit' },
        'Process instance')
      : el('span', { class: 'imr-sla__muted' }, '—')));
}

function casesTable(body) {
  return el('table', { class: 'imr-sla__table' },
    el('thead', null, el('tr', null,
      el('th', null, 'Case'), el('th', null, 'Status'), el('th', null, 'Priority'), el('th', null, 'Deadline'),
      el('th', { class: 'imr-sla__num' }, 'Days left'), el('th', null, 'SLA'), el('th', null, 'Reviewer'),
      el('th', null, 'Cockpit'))),
    body);
}

function figure(value, label) {
  return el('div', { class: 'imr-sla__figure' },
    el('div', { class: 'imr-sla__figure-n' }, value),
    el('div', { class: 'imr-sla__figure-l' }, label));
}

function monthlyFigures(report) {
  const apps = report.applications;
  const reasons = Object.entries(apps.ineligible || {}).filter(([, n]) => n > 0);
  const rate = report.itemsUpheld + report.itemsOverturned === 0
    ? '—' : (report.overturnRate * 100).toFixed(1) + ' %';
  const days = value => (value === null || value === undefined ? '—' : value.toFixed(1));
  return el('div', { class: 'imr-sla__figures' },
    figure(number(apps.total), 'Applications received'),
    figure(number(apps.unique), 'Unique applications'),
    figure(number(apps.eligible), 'Eligible'),
    el('div', { class: 'imr-sla__figure' },
      el('div', { class: 'imr-sla__figure-l' }, 'Ineligible, by reason'),
      reasons.length === 0
        ? el('div', { class: 'imr-sla__muted' }, 'none')
        : el('ul', { class: 'imr-sla__reasons' }, reasons.map(([reason, n]) =>
          el('li', null, el('span', null, REASON_LABELS[reason] || reason), el('strong', null, number(n)))))),
    figure(number(report.determinations), 'Determinations (letters sent)'),
    figure(number(report.itemsUpheld), 'Items upheld'),
    figure(number(report.itemsOverturned), 'Items overturned'),
    figure(rate, 'Overturn rate'),
    figure(days(report.averageDaysFromAssignment), 'Average days, assignment to letter'),
    figure(days(report.averageDaysFromCompleteRecords), 'Average days, complete records to letter'),
    figure(number(report.qualityReviewReturns), 'Returned by quality review'));
}

// ---- the page #/sla ----

function renderBoard(node) {
  ensureStyle();
  const asOf = el('p', { class: 'imr-sla__sub' }, 'Open IMR cases, most urgent first');
  const summaryBox = el('div', null, el('div', { class: 'imr-sla__muted' }, 'Loading…'));
  const tbody = el('tbody');
  const casesBox = el('div', null, el('div', { class: 'imr-sla__muted' }, 'Loading…'));
  const more = el('button', { class: 'imr-sla__button', type: 'button' }, 'Show more');
  const moreBox = el('div', { class: 'imr-sla__more' });
  const monthInput = el('input', { type: 'month', value: currentMonth(), 'aria-label': 'Month of receipt' });
  const monthlyBox = el('div');
  let nextPage = 0;
  let generation = 0;

  async function loadCases(reset) {
    const mine = reset ? ++generation : generation;
    if (reset) {
      nextPage = 0;
      replace(tbody);
    }
    more.disabled = true;
    try {
      const rows = await getJson('/sla?page=' + nextPage + '&size=' + PAGE_SIZE);
      if (mine !== generation) {
        return;
      }
      nextPage++;
      rows.forEach(row => tbody.append(caseRow(row)));
      if (tbody.children.length === 0) {
        replace(casesBox, el('div', { class: 'imr-sla__empty' }, 'No open cases.'));
      } else {
        replace(casesBox, casesTable(tbody));
      }
      replace(moreBox, rows.length === PAGE_SIZE ? more : null);
    } catch (error) {
      replace(casesBox, errorBox(error));
      replace(moreBox);
    } finally {
      more.disabled = false;
    }
  }

  async function loadSummary() {
    try {
      const summary = await getJson('/sla/summary');
      replace(summaryBox, counts(summary));
      asOf.textContent = 'Open IMR cases, most urgent first · as of ' + summary.asOf + ' (' + weekday(summary.asOf) + ')';
    } catch (error) {
      replace(summaryBox, errorBox(error));
    }
  }

  async function loadMonthly() {
    const month = monthInput.value;
    if (!/^\d{4}-\d{2}$/.test(month)) {
      replace(monthlyBox, el('div', { class: 'imr-sla__muted' }, 'Choose a month.'));
      return;
    }
    replace(monthlyBox, el('div', { class: 'imr-sla__muted' }, 'Loading…'));
    try {
      const report = await getJson('/reports/monthly?month=' + encodeURIComponent(month));
      if (monthInput.value === month) {
        replace(monthlyBox, monthlyFigures(report));
      }
    } catch (error) {
      replace(monthlyBox, errorBox(error));
    }
  }

  function refresh() {
    loadSummary();
    loadCases(true);
    loadMonthly();
  }

  more.addEventListener('click', () => loadCases(false));
  monthInput.addEventListener('change', loadMonthly);

  replace(node, el('div', { class: 'imr-sla' },
    el('div', { class: 'imr-sla__head' },
      el('div', null, el('h1', null, 'SLA board'), asOf),
      el('button', { class: 'imr-sla__button', type: 'button', onclick: refresh }, 'Refresh')),
    summaryBox,
    el('div', { class: 'imr-sla__section' },
      el('h2', null, 'Open cases by deadline'),
      el('p', { class: 'imr-sla__muted' },
        'Deadline: records due while records are awaited, else the determination due date. ',
        'At risk: less than a fifth of the allowed time left. A late determination still binds: breaches are escalated to managers.'),
      casesBox,
      moreBox),
    el('div', { class: 'imr-sla__section' },
      el('h2', null, 'Monthly figures'),
      el('label', { class: 'imr-sla__month' }, 'Applications received in', monthInput),
      monthlyBox)));
  refresh();
}

// ---- the dashboard tile ----

async function renderTile(node) {
  ensureStyle();
  const body = el('div', null, el('div', { class: 'imr-sla__muted' }, 'Loading…'));
  replace(node, el('section', { class: 'imr-sla imr-sla-tile' },
    el('h1', null, 'SLA board'),
    body,
    el('a', { href: '#/sla' }, 'Open the SLA board →')));
  try {
    const summary = await getJson('/sla/summary');
    replace(body, counts(summary));
  } catch (error) {
    replace(body, errorBox(error));
  }
}

export default [
  {
    id: 'imrflow.sla.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 50,
    properties: { path: '/sla' },
    render: node => {
      replace(node, el('a', { href: '#/sla' }, 'SLA board'));
    }
  },
  {
    id: 'imrflow.sla.route',
    pluginPoint: 'cockpit.route',
    priority: 0,
    properties: { path: '/sla' },
    render: node => {
      renderBoard(node);
    }
  },
  {
    id: 'imrflow.sla.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: node => {
      renderTile(node);
    }
  }
];
