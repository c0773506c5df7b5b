/*
 * IMRflow SLA board for Camunda Cockpit 7.24 (loaded through scripts/config.js customScripts).
 *
 * Three plugins: a header entry "SLA board", the page #/sla (open cases by deadline, and the
 * state's monthly figures for a chosen month, drawn as SVG charts for the twelve months up to it)
 * and a dashboard tile with the count of cases per state. Data comes from IMRflow's own API
 * (GET /api/sla, /api/sla/summary, /api/reports/monthly, /api/reports/trend), which accepts the session of the user logged in to Cockpit for reads:
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
  DEFERRED: 'Deferred',
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

// Colours of text meet WCAG 2.1 AA contrast (4.5:1) on their backgrounds; the orange and green
// accents are borders only, and every state is also written out in words.
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
.imr-sla__count--AT_RISK .imr-sla__count-n { color: #8f4f00; }
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
.imr-sla__muted { color: #5f5f5f; font-size: 12px; }
.imr-sla__pill { display: inline-block; padding: 2px 9px; border-radius: 10px; font-size: 12px; font-weight: 600;
  color: #fff; background: #616161; white-space: nowrap; }
.imr-sla__pill--BREACHED { background: #c62828; }
.imr-sla__pill--AT_RISK { background: #8f4f00; }
.imr-sla__pill--ON_TRACK { background: #2e7d32; }
.imr-sla__pill--expedited { background: #6a1b9a; }
.imr-sla__late { color: #c62828; font-weight: 600; }
.imr-sla__soon { color: #8f4f00; font-weight: 600; }
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
.imr-sla__charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 16px; }
.imr-sla__chart { margin: 0; border: 1px solid #e3e3e3; border-radius: 4px; padding: 10px 12px; background: #fff; }
.imr-sla__chart figcaption { font-weight: 600; margin-bottom: 6px; }
.imr-sla__chart svg { display: block; width: 100%; height: auto; font-family: inherit; }
.imr-sla__chart text { fill: #333; font-size: 12px; }
.imr-sla__chart .imr-chart__value { font-weight: 600; }
.imr-sla__chart .imr-chart__axis { fill: #5f5f5f; font-size: 11px; }
.imr-sla__chart line { stroke: #ccc; }
.imr-sla__chart .imr-chart__limit { stroke: #333; stroke-dasharray: 5 4; }
.imr-sla-tile { padding: 0 0 10px; }
.imr-sla-tile h1 { font-size: 20px; margin: 0 0 10px; }
.imr-sla-tile .imr-sla__counts { margin-bottom: 8px; }
`;

const CATEGORY_LABELS = {
  PHYSICAL_THERAPY: 'Physical therapy',
  OCCUPATIONAL_THERAPY: 'Occupational therapy',
  CHIROPRACTIC: 'Chiropractic',
  ACUPUNCTURE: 'Acupuncture',
  MASSAGE: 'Massage',
  POSTSURGICAL_THERAPY: 'Post-surgical therapy',
  MEDICATION: 'Medication',
  IMAGING: 'Imaging',
  INJECTION: 'Injection',
  SURGERY: 'Surgery',
  DME: 'Durable medical equipment',
  PSYCHOLOGICAL: 'Psychological',
  OTHER: 'Other'
};

const STAGE_LABELS = {
  SCREENING: 'Application to notice',
  RECORDS: 'Notice to complete records',
  ASSIGNMENT: 'Records to reviewer assigned',
  REVIEW: 'Assigned to last decision',
  LETTER: 'Decision to letter sent'
};

/** Months the trend charts show, ending with the month chosen for the figures. */
const TREND_MONTHS = 12;

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
    el('td', null, row.deferredBecause
      ? [STATUS_LABELS[row.status] || row.status, ' ', el('span', { class: 'imr-sla__muted' }, '· ' + row.deferredBecause)]
      : STATUS_LABELS[row.status] || row.status),
    el('td', null, row.expedited
      ? el('span', { class: 'imr-sla__pill imr-sla__pill--expedited' }, 'Expedited')
      : el('span', { class: 'imr-sla__muted' }, 'Standard')),
    el('td', { style: 'white-space: nowrap' }, row.deadline
      ? [row.deadline, ' ', el('span', { class: 'imr-sla__muted' }, weekday(row.deadline) + ' · ' + deadlineKind)]
      : el('span', { class: 'imr-sla__muted' }, '—')),
    el('td', { class: 'imr-sla__num' }, daysLeft(row)),
    el('td', null, el('span', { class: 'imr-sla__pill imr-sla__pill--' + row.sla }, stateLabel(row.sla))),
    el('td', null, reviewersOf(row) || el('span', { class: 'imr-sla__muted' }, 'not assigned')),
    el('td', null, row.processInstanceId
      ? el('a', { href: '#/process-instance/' + encodeURIComponent(row.processInstanceId), title: 'Open in Cockpit' },
        'Process instance')
      : el('span', { class: 'imr-sla__muted' }, '—')));
}

/** Every reviewer of the case (two where no single reviewer may decide every item), else the one. */
function reviewersOf(row) {
  return row.reviewers && row.reviewers.length ? row.reviewers.join(', ') : row.reviewer;
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
    figure(number(report.qualityReviewReturns), 'Returned by quality review'),
    listFigure('Items by category, overturned', Object.entries(report.itemsByCategory || {})
      .filter(([, c]) => c.items > 0)
      .map(([category, c]) => [category.replace(/_/g, ' ').toLowerCase(), number(c.items) + ' items'
        + (c.upheld + c.overturned === 0 ? '' : ', ' + (c.overturnRate * 100).toFixed(1) + ' %')])),
    listFigure('Deciding reviewers, by profession and licensure', report.reviewers
      ? Object.entries(report.reviewers.byProfession || {}).map(([p, n]) => [p, number(n)])
        .concat(Object.entries(report.reviewers.byLicenseState || {}).map(([st, n]) => ['licensed in ' + st, number(n)]))
      : []),
    listFigure('Deciding reviewers, by specialty', report.reviewers
      ? Object.entries(report.reviewers.bySpecialty || {}).map(([sp, n]) => [sp, number(n)]) : []));
}

/** A figure that is a short list of label and value pairs (DOMAIN.md §5: categories, reviewers). */
function listFigure(label, rows) {
  return el('div', { class: 'imr-sla__figure' },
    el('div', { class: 'imr-sla__figure-l' }, label),
    rows.length === 0
      ? el('div', { class: 'imr-sla__muted' }, 'none')
      : el('ul', { class: 'imr-sla__reasons' }, rows.map(([name, value]) =>
        el('li', null, el('span', null, name), el('strong', null, value)))));
}


// ---- charts: plain SVG, every value also written as text, series told apart by pattern ----

const SVG_NS = 'http://www.w3.org/2000/svg';
const BLUE = '#1f5f9e';
const GREEN = '#2d6e2d';
let chartIds = 0;

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  Object.entries(attrs || {}).forEach(([key, value]) => {
    if (value !== null && value !== undefined) {
      node.setAttribute(key, String(value));
    }
  });
  children.flat().forEach(child => {
    if (child !== null && child !== undefined && child !== false) {
      node.append(typeof child === 'object' ? child : document.createTextNode(String(child)));
    }
  });
  return node;
}

/** A figure with its caption and an SVG whose accessible name and description say what it shows. */
function chart(title, description, width, height, draw) {
  const id = 'imr-chart-' + (++chartIds);
  const hatch = id + '-hatch';
  return el('figure', { class: 'imr-sla__chart' },
    el('figcaption', { id: id + '-t' }, title),
    svg('svg', { role: 'img', 'aria-labelledby': id + '-t ' + id + '-d', viewBox: '0 0 ' + width + ' ' + height },
      svg('desc', { id: id + '-d' }, description),
      svg('defs', null,
        svg('pattern', { id: hatch, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
          svg('rect', { width: 6, height: 6, fill: '#fff' }),
          svg('rect', { width: 3, height: 6, fill: GREEN }))),
      draw('url(#' + hatch + ')')));
}

function monthLabel(month) {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m - 1, 1)).toLocaleDateString('en-US', { month: 'short', timeZone: 'UTC' })
    + ' ' + String(year).slice(2);
}

function percent(share) {
  return share === null || share === undefined ? '—' : Math.round(share * 100) + '%';
}

/** Vertical bars per month: one or two series, each bar labelled with its value. */
function monthBars(months, series, max, format, extras) {
  const width = 720;
  const height = 250;
  const left = 40;
  const top = 34;
  const bottom = 36;
  const plot = height - top - bottom;
  const group = (width - left - 10) / Math.max(months.length, 1);
  const bar = Math.min(26, (group * 0.8) / series.length);
  const y = value => top + plot - (max === 0 ? 0 : (value / max) * plot);
  return fill => {
    const nodes = [
      svg('line', { x1: left, x2: width - 10, y1: y(0), y2: y(0) }),
      svg('line', { x1: left, x2: width - 10, y1: y(max), y2: y(max) }),
      svg('text', { x: left - 6, y: y(max) + 4, 'text-anchor': 'end', class: 'imr-chart__axis' }, format(max, true)),
      svg('text', { x: left - 6, y: y(0) + 4, 'text-anchor': 'end', class: 'imr-chart__axis' }, format(0, true))];
    series.forEach((s, i) => {
      const lx = left + i * 250;
      nodes.push(svg('rect', { x: lx, y: 6, width: 14, height: 14, fill: s.hatched ? fill : s.color, stroke: s.color }),
        svg('text', { x: lx + 20, y: 18 }, s.label));
    });
    months.forEach((month, m) => {
      const x0 = left + m * group + (group - bar * series.length) / 2;
      series.forEach((s, i) => {
        const value = s.value(month);
        const x = x0 + i * bar;
        if (value !== null && value !== undefined) {
          nodes.push(svg('rect', { x: x + 1, y: y(value), width: bar - 2, height: Math.max(y(0) - y(value), 0),
            fill: s.hatched ? fill : s.color, stroke: s.color }));
        }
        nodes.push(svg('text', { x: x + bar / 2, y: (value === null || value === undefined ? y(0) : y(value)) - 4,
          'text-anchor': 'middle', class: 'imr-chart__value', 'font-size': 10 }, format(value, false)));
      });
      nodes.push(svg('text', { x: left + m * group + group / 2, y: height - bottom + 16, 'text-anchor': 'middle',
        class: 'imr-chart__axis' }, monthLabel(month.month)));
    });
    return nodes.concat(extras ? extras(y, left, width) : []);
  };
}

/** Horizontal bars, one a row, each with its label and its value in words. */
function rowBars(rows, max) {
  const width = 720;
  const rowHeight = 26;
  const labelWidth = 210;
  const textWidth = 170;
  const height = Math.max(rows.length, 1) * rowHeight + 10;
  const span = width - labelWidth - textWidth - 20;
  return () => rows.map((row, i) => {
    const yy = 6 + i * rowHeight;
    const length = max === 0 || row.value === null || row.value === undefined ? 0 : (row.value / max) * span;
    return svg('g', null,
      svg('text', { x: labelWidth - 8, y: yy + 14, 'text-anchor': 'end' }, row.label),
      svg('rect', { x: labelWidth, y: yy + 2, width: Math.max(length, 1), height: rowHeight - 10, fill: BLUE }),
      svg('text', { x: labelWidth + length + 8, y: yy + 14, class: 'imr-chart__value' }, row.text));
  });
}

function rowHeightOf(rows) {
  return Math.max(rows.length, 1) * 26 + 10;
}

function trendCharts(trend) {
  const months = trend.months;
  const period = monthLabel(trend.from) + ' to ' + monthLabel(trend.to);
  const counts = months.flatMap(m => [m.applications, m.determinations]);
  const countMax = Math.max(1, ...counts);
  const whole = value => (value === null || value === undefined ? '' : String(value));

  const volume = chart('Applications and determinations per month',
    'Applications received and final determination letters sent, per month, ' + period + ': '
      + months.map(m => monthLabel(m.month) + ' ' + m.applications + ' and ' + m.determinations).join('; ') + '.',
    720, 250, monthBars(months, [
      { label: 'Applications received', color: BLUE, value: m => m.applications },
      { label: 'Determinations (letters sent)', color: GREEN, hatched: true, value: m => m.determinations }],
    countMax, whole));

  const inTime = chart('Determinations within the statutory limit',
    'Share of letters sent by their determination due date (30 days from complete records, 3 when expedited), '
      + 'per month, ' + period + ': ' + months.map(m => monthLabel(m.month) + ' ' + percent(m.shareInTime)).join('; ') + '.',
    720, 250, monthBars(months, [
      { label: 'Sent on time (share of letters)', color: BLUE, value: m => m.shareInTime }],
    1, (value, axis) => (axis ? Math.round(value * 100) + '%' : percent(value)),
    (y, left, width) => [svg('line', { x1: left, x2: width - 10, y1: y(1), y2: y(1), class: 'imr-chart__limit' })]));

  const categories = trend.overturnByCategory.map(c => ({
    label: CATEGORY_LABELS[c.category] || c.category,
    value: c.overturnRate,
    text: percent(c.overturnRate) + ' (' + c.overturned + ' of ' + (c.upheld + c.overturned) + ' items)'
  }));
  const overturns = categories.length === 0
    ? el('figure', { class: 'imr-sla__chart' }, el('figcaption', null, 'Overturn rate by category'),
      el('div', { class: 'imr-sla__muted' }, 'No items decided ' + period + '.'))
    : chart('Overturn rate by category',
      'Share of decided items overturned, per category of disputed item, letters sent ' + period + ': '
        + categories.map(c => c.label + ' ' + c.text).join('; ') + '.',
      720, rowHeightOf(categories), rowBars(categories, 1));

  const stages = trend.daysPerStage.map(s => ({
    label: STAGE_LABELS[s.stage] || s.stage,
    value: s.averageDays,
    text: s.averageDays === null ? 'no case yet' : s.averageDays.toFixed(1) + ' days (' + s.cases + (s.cases === 1 ? ' case)' : ' cases)')
  }));
  const stageMax = Math.max(1, ...stages.map(s => s.value || 0));
  const days = chart('Days per stage',
    'Mean days each stage took, over the cases whose letter went out ' + period + ': '
      + stages.map(s => s.label + ' ' + s.text).join('; ') + '.',
    720, rowHeightOf(stages), rowBars(stages, stageMax));

  return el('div', { class: 'imr-sla__charts' }, volume, inTime, overturns, days);
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
  const trendBox = el('div');
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

  async function loadTrend() {
    const month = monthInput.value;
    if (!/^\d{4}-\d{2}$/.test(month)) {
      replace(trendBox);
      return;
    }
    replace(trendBox, el('div', { class: 'imr-sla__muted' }, 'Loading…'));
    try {
      const trend = await getJson('/reports/trend?months=' + TREND_MONTHS + '&to=' + encodeURIComponent(month));
      if (monthInput.value === month) {
        replace(trendBox, trendCharts(trend));
      }
    } catch (error) {
      replace(trendBox, errorBox(error));
    }
  }

  function refresh() {
    loadSummary();
    loadCases(true);
    loadMonthly();
    loadTrend();
  }

  more.addEventListener('click', () => loadCases(false));
  monthInput.addEventListener('change', () => {
    loadMonthly();
    loadTrend();
  });

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
      monthlyBox),
    el('div', { class: 'imr-sla__section' },
      el('h2', null, 'The last ' + TREND_MONTHS + ' months'),
      el('p', { class: 'imr-sla__muted' },
        'Ending with the month chosen above. Applications count in the month received, determinations in the month ',
        'their letter went out; every bar carries its value.'),
      trendBox)));
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
