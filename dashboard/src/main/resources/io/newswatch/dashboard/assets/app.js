// Newswatch dashboard. Everything that comes from an article or a watch-list is put into the page as
// text (textContent, text nodes), never as HTML, and only http(s) links are made clickable.
'use strict';

const FILTERS = ['q', 'watchlist', 'severity', 'topic', 'source', 'since'];
const LIST_LIMIT = 500;
const state = { gen: 0, alerts: new Map(), lastSeq: 0, source: null, fresh: new Set(), matched: 0, stored: 0, capacity: 0 };

function el(tag, props, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c !== null && c !== undefined && c !== false) e.append(c);
  }
  return e;
}

function safeUrl(url) {
  try {
    const u = new URL(url, window.location.href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch (e) {
    return null;
  }
}

function pad(n) { return String(n).padStart(2, '0'); }

function absoluteTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function relativeTime(iso) {
  if (!iso) return '';
  const s = (Date.now() - new Date(iso).getTime()) / 1000;
  if (s < 45) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  if (s < 7 * 86400) return `${Math.round(s / 86400)} d ago`;
  return absoluteTime(iso);
}

function timeEl(iso, cls) {
  return el('time', { class: cls, datetime: iso, title: iso ? new Date(iso).toString() : null, text: relativeTime(iso) });
}

/** The text with every occurrence of the given ranges wrapped in <mark>. */
function marked(text, ranges) {
  const frag = document.createDocumentFragment();
  const sorted = ranges.filter(r => r[0] < r[1] && r[0] >= 0 && r[1] <= text.length).sort((a, b) => a[0] - b[0]);
  let at = 0;
  for (const [start, end] of sorted) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) frag.append(text.slice(at, from));
    frag.append(el('mark', { text: text.slice(from, end) }));
    at = end;
  }
  if (at < text.length) frag.append(text.slice(at));
  return frag;
}

function occurrences(text, words) {
  const lower = text.toLowerCase();
  const ranges = [];
  for (const w of words) {
    const needle = (w || '').toLowerCase();
    if (!needle) continue;
    for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + needle.length)) {
      ranges.push([i, i + needle.length]);
    }
  }
  return ranges;
}

// ---------------------------------------------------------------- filters and the URL

function filtersFromUrl() {
  const params = new URLSearchParams(window.location.search);
  const f = {};
  for (const name of FILTERS) f[name] = params.get(name) || '';
  return f;
}

function queryString(f) {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (f[name]) params.set(name, f[name]);
  return params.toString();
}

function readForm() {
  const f = {};
  for (const name of FILTERS) f[name] = document.getElementById('f-' + name).value.trim();
  return f;
}

function writeForm(f) {
  for (const name of FILTERS) {
    const input = document.getElementById('f-' + name);
    if (input.tagName === 'SELECT' && f[name] && ![...input.options].some(o => o.value === f[name])) {
      input.append(el('option', { value: f[name], text: f[name] }));
    }
    input.value = f[name];
  }
}

function fillSelect(id, values, label) {
  const select = document.getElementById(id);
  const current = select.value;
  const keep = new Set([...select.options].map(o => o.value));
  for (const v of values) {
    if (!keep.has(v)) select.append(el('option', { value: v, text: label ? label(v) : v }));
  }
  select.value = current;
}

async function loadFacets() {
  const r = await fetch('/api/facets');
  if (!r.ok) return;
  const facets = await r.json();
  fillSelect('f-watchlist', facets.watchlists);
  fillSelect('f-topic', facets.topics);
  fillSelect('f-source', facets.sources);
}

function applyFilters() {
  const f = readForm();
  const qs = queryString(f);
  history.replaceState(null, '', qs ? '/?' + qs : '/');
  reload(f);
}

// ---------------------------------------------------------------- alerts: list and live stream

async function reload(f) {
  const gen = ++state.gen;
  if (state.source) state.source.close();
  state.source = null;
  setLive(false, 'connecting…');
  const qs = queryString(f);
  const r = await fetch('/api/alerts?' + (qs ? qs + '&' : '') + 'limit=' + LIST_LIMIT);
  const page = await r.json();
  if (gen !== state.gen) return; // a newer filter took over meanwhile
  if (!r.ok) {
    document.getElementById('summary').textContent = page.error || 'The alerts could not be loaded.';
    return;
  }
  state.alerts = new Map(page.alerts.map(a => [a.id, a]));
  state.lastSeq = page.lastSeq;
  state.matched = page.matched;
  state.stored = page.stored;
  state.capacity = page.capacity;
  state.fresh.clear();
  renderAlerts();
  const source = new EventSource('/api/alerts/stream?' + (qs ? qs + '&' : '') + 'after=' + page.lastSeq);
  state.source = source;
  source.onopen = () => setLive(true, 'live');
  source.onerror = () => setLive(false, 'reconnecting…');
  source.addEventListener('alert', event => {
    const a = JSON.parse(event.data);
    if (state.alerts.has(a.id)) return;
    state.alerts.set(a.id, a);
    state.lastSeq = Math.max(state.lastSeq, a.seq);
    state.matched++;
    state.stored = Math.min(state.capacity || Infinity, state.stored + 1);
    state.fresh.add(a.watchlistId + '\u0000' + a.storyId);
    renderAlerts();
    loadFacets();
  });
}

function setLive(on, text) {
  const live = document.getElementById('live-status');
  live.className = 'live ' + (on ? 'on' : 'off');
  live.textContent = text;
}

/** One group per (watch-list, story): the first alert leads, later copies and updates follow. */
function stories() {
  const groups = new Map();
  for (const a of state.alerts.values()) {
    const key = a.watchlistId + '\u0000' + a.storyId;
    if (!groups.has(key)) groups.set(key, { key, alerts: [] });
    groups.get(key).alerts.push(a);
  }
  const time = a => (a.alertedAt ? Date.parse(a.alertedAt) : 0);
  for (const g of groups.values()) {
    g.alerts.sort((x, y) => time(x) - time(y) || x.seq - y.seq);
    g.lead = g.alerts.find(a => a.kind === 'new') || g.alerts[0];
    g.others = g.alerts.filter(a => a !== g.lead).reverse();
    g.latest = Math.max(...g.alerts.map(time));
    g.latestSeq = Math.max(...g.alerts.map(a => a.seq));
    g.related = Math.max(...g.alerts.map(a => a.relatedCount || 0));
  }
  return [...groups.values()].sort((x, y) => y.latest - x.latest || y.latestSeq - x.latestSeq);
}

function renderAlerts() {
  const list = document.getElementById('stories');
  const groups = stories();
  const n = state.alerts.size;
  document.getElementById('summary').textContent = n === 0 ? ''
    : `${groups.length} ${groups.length === 1 ? 'story' : 'stories'} · ${n} ${n === 1 ? 'alert' : 'alerts'}`
      + (state.matched > n ? ` (newest ${n} of ${state.matched} matching)` : '');
  document.getElementById('store-info').textContent = `${state.stored} alerts kept (max ${state.capacity})`;
  if (groups.length === 0) {
    const filtered = FILTERS.some(name => readForm()[name]);
    list.replaceChildren(el('div', { class: 'empty', text: filtered
      ? 'No alerts match these filters.'
      : 'No alerts yet. They appear here as soon as the pipeline emits them.' }));
    return;
  }
  list.replaceChildren(...groups.map(storyCard));
  state.fresh.clear();
}

function storyCard(g) {
  const a = g.lead;
  const card = el('article', { class: `story sev-${a.severity}` + (state.fresh.has(g.key) ? ' fresh' : ''),
    dataset: { watchlist: a.watchlistId, story: a.storyId, alert: a.id } });
  const wl = el('a', { class: 'wl-link', href: '/watchlists#wl-' + encodeURIComponent(a.watchlistId), text: a.watchlistName });
  const head = el('div', { class: 'story-head' },
    el('span', { class: 'badge', text: a.severity }), wl,
    g.others.some(o => o.kind === 'update') ? el('span', { class: 'badge kind', text: 'updated' }) : null,
    timeEl(g.alerts[g.alerts.length - 1].alertedAt, 'time'));
  card.append(head, titleEl(a));
  card.append(el('div', { class: 'meta' },
    el('span', { class: 'source', text: a.source }),
    a.publishedAt ? el('span', { text: 'published ' + absoluteTime(a.publishedAt) }) : null,
    a.language ? el('span', { text: a.language }) : null,
    el('span', { text: 'score ' + a.score.toFixed(2) }),
    ...(a.topics || []).map(t => el('span', { class: 'tag', text: t }))));
  card.append(evidenceList(a), chips(a));
  if (g.others.length > 0 || g.related > 0) {
    const copies = g.related;
    const parts = [];
    if (copies > 0) parts.push(`${copies} related ${copies === 1 ? 'copy' : 'copies'}`);
    if (g.others.length) parts.push(`${g.others.length} more ${g.others.length === 1 ? 'alert' : 'alerts'} on this story`);
    const label = parts.join(' · ');
    const details = el('details', { class: 'related' }, el('summary', { text: label }));
    if (g.others.length) {
      details.append(el('ul', {}, ...g.others.map(o => el('li', {},
        el('span', { class: 'badge kind', text: o.kind }), ' ',
        linkOrText(o.url, o.title || '(untitled)'), ' — ', o.source, ' · ', timeEl(o.alertedAt)))));
    } else {
      details.append(el('p', { text: 'Other outlets carried this story; this watch-list does not send update alerts.' }));
    }
    card.append(details);
  }
  return card;
}

function linkOrText(url, text) {
  const href = safeUrl(url);
  return href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer', text }) : el('span', { text });
}

function titleEl(a) {
  const title = a.title || '(untitled)';
  const ranges = [];
  for (const e of a.evidence) {
    if (e.field === 'title' && e.start !== null && e.end !== null) ranges.push([e.start, e.end]);
  }
  const href = safeUrl(a.url);
  const node = href ? el('a', { class: 'story-title', href, target: '_blank', rel: 'noopener noreferrer' })
    : el('span', { class: 'story-title' });
  node.append(marked(title, a.title ? ranges : []));
  return node;
}

/** Each sentence the evidence was found in, once, with every matched word of it highlighted. */
function evidenceList(a) {
  const sentences = new Map();
  for (const e of a.evidence) {
    if (!e.snippet || e.field === 'title') continue;
    const text = e.snippet.replace(/\s+/g, ' ').trim();
    if (!sentences.has(text)) sentences.set(text, []);
    sentences.get(text).push(e.matched);
  }
  const items = [...sentences.entries()].slice(0, 4).map(([text, words]) =>
    el('li', {}, el('span', { class: 'where', text: 'text' }), marked(text, occurrences(text, words))));
  return items.length ? el('ul', { class: 'evidence' }, ...items) : null;
}

function chips(a) {
  const seen = new Set();
  const list = [];
  for (const e of a.evidence) {
    const key = e.type + '\u0000' + e.matched;
    if (seen.has(key)) continue;
    seen.add(key);
    list.push(el('span', { class: 'chip', title: `${e.clause}: ${e.type} ${e.value}` }, el('b', { text: e.type }), e.matched));
  }
  return el('div', { class: 'chips' }, ...list);
}

// ---------------------------------------------------------------- watch-lists page

async function loadWatchlists() {
  const r = await fetch('/api/watchlists');
  const data = await r.json();
  renderWatchlistStatus(data);
  document.getElementById('wl-list').replaceChildren(...data.watchlists.map(watchlistCard));
  if (window.location.hash) {
    const target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (target) target.scrollIntoView();
  }
}

function renderWatchlistStatus(data) {
  const panel = document.getElementById('wl-status');
  const kv = el('dl', { class: 'kv' },
    el('dt', { text: 'Active version' }), el('dd', {}, el('code', { text: data.version })),
    el('dt', { text: 'Loaded' }), el('dd', { text: absoluteTime(data.loadedAt) + ' (' + relativeTime(data.loadedAt) + ')' }),
    el('dt', { text: 'From' }), el('dd', { class: 'mono', text: data.source }),
    el('dt', { text: 'Files' }), el('dd', { class: 'mono', text: (data.files || []).join(', ') || '—' }));
  const children = [el('h2', { text: 'Watch-list files' }), kv];
  if (data.rejected) {
    children.push(el('div', { id: 'wl-rejected', class: 'problem bad' },
      el('strong', { text: `Version ${data.rejected.version} was rejected ${relativeTime(data.rejected.at)}; version ${data.version} stays active.` }),
      el('ul', {}, ...data.rejected.problems.map(p => el('li', {}, el('code', { text: p.text }))))));
  } else {
    children.push(el('div', { class: 'problem ok', text: 'The files on disk are the active version.' }));
  }
  if (data.skipped.length) {
    children.push(el('div', { class: 'problem warn' },
      el('strong', { text: `${data.skipped.length} watch-list(s) skipped:` }),
      el('ul', {}, ...data.skipped.map(p => el('li', {}, el('code', { text: p.text }))))));
  }
  panel.replaceChildren(...children);
}

function watchlistCard(w) {
  const card = el('article', { class: 'wl sev-' + (w.severity || 'medium'), id: 'wl-' + w.id, dataset: { watchlist: w.id } });
  card.append(el('h3', {},
    w.severity ? el('span', { class: 'badge', text: w.severity }) : null,
    el('span', { text: w.name }),
    w.active ? null : el('span', { class: 'badge kind', text: 'no longer defined' })));
  const sub = [w.id];
  if (w.position) sub.push(w.position);
  card.append(el('div', { class: 'sub mono', text: sub.join(' · ') }));
  if (w.active) {
    const settings = [`throttle ${w.throttle}`];
    if (w.languages.length) settings.push('languages ' + w.languages.join(', '));
    if (w.sources.length) settings.push('sources ' + w.sources.join(', '));
    if (w.topic) settings.push('also to topic ' + w.topic);
    if (w.updates) settings.push('update alerts');
    card.append(el('div', { class: 'meta' }, ...settings.map(s => el('span', { class: 'tag', text: s }))));
    card.append(el('ul', { class: 'def' }, clauseItem(w.match)));
  }
  const a = w.alerts;
  card.append(chart(a.timeline));
  card.append(el('div', { class: 'counts' },
    el('span', {}, el('b', { text: String(a.stored) }), ' alerts kept'),
    el('span', {}, el('b', { text: String(a.seen) }), ' since start'),
    a.lastAlertAt ? el('span', {}, 'last ', timeEl(a.lastAlertAt)) : el('span', { text: 'no alerts yet' }),
    a.lastVersion ? el('span', {}, 'matched with ', el('code', { text: a.lastVersion })) : null,
    el('a', { href: '/?watchlist=' + encodeURIComponent(w.id), text: 'show alerts →' })));
  return card;
}

const GROUPS = { any: 'any of', all: 'all of', none: 'none of' };

function clauseItem(c) {
  if (GROUPS[c.type]) {
    return el('li', {}, el('span', { class: 'op', text: GROUPS[c.type] }),
      el('ul', { class: 'def' }, ...c.clauses.map(clauseItem)));
  }
  let text = c.value;
  if (c.type === 'entity') {
    text = (c.entityType ? c.entityType + ' ' : '') + '“' + c.value + '”'
      + (c.aliases && c.aliases.length ? ' (also ' + c.aliases.join(', ') + ')' : '');
  } else if (c.type === 'topic') {
    text = c.value + (c.minScore > 0 ? ' ≥ ' + c.minScore : '');
  } else if (c.type === 'phrase') {
    text = '“' + c.value + '”';
  }
  return el('li', {}, el('span', { class: 'chip' }, el('b', { text: c.type }), text));
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

/** Alerts per hour over the last days, as bars. */
function chart(timeline) {
  const width = 504, height = 64, base = 52;
  const root = svg('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none', role: 'img' });
  const counts = timeline ? timeline.counts : [];
  const max = Math.max(1, ...counts);
  const step = counts.length ? width / counts.length : width;
  const label = svg('title', {});
  label.textContent = `Alerts per hour, last ${Math.round(counts.length / 24) || 7} days (highest: ${max})`;
  root.append(label);
  counts.forEach((n, i) => {
    if (n === 0) return;
    const h = Math.max(2, (n / max) * (base - 4));
    const bar = svg('rect', { class: 'bar', x: (i * step).toFixed(1), y: (base - h).toFixed(1),
      width: Math.max(1, step - 0.6).toFixed(1), height: h.toFixed(1), rx: 0.6 });
    const t = svg('title', {});
    const from = new Date(Date.parse(timeline.from) + i * 3600e3);
    t.textContent = `${n} alert${n === 1 ? '' : 's'}, ${absoluteTime(from.toISOString())}`;
    bar.append(t);
    root.append(bar);
  });
  root.append(svg('line', { class: 'axis', x1: 0, y1: base + 0.5, x2: width, y2: base + 0.5 }));
  const left = svg('text', { x: 0, y: height - 2 });
  left.textContent = counts.length ? `${Math.round(counts.length / 24)} days ago` : 'no alerts yet';
  const right = svg('text', { x: width, y: height - 2, 'text-anchor': 'end' });
  right.textContent = 'now';
  root.append(left, right);
  return root;
}

// ---------------------------------------------------------------- start

function start() {
  const onWatchlists = window.location.pathname.startsWith('/watchlists');
  document.getElementById(onWatchlists ? 'tab-watchlists' : 'tab-alerts').classList.add('current');
  if (onWatchlists) {
    document.title = 'Newswatch — watch-lists';
    document.getElementById('page-watchlists').hidden = false;
    setLive(false, 'watch-lists');
    loadWatchlists();
    setInterval(loadWatchlists, 30000);
    return;
  }
  document.getElementById('page-alerts').hidden = false;
  const f = filtersFromUrl();
  loadFacets().then(() => writeForm(f));
  writeForm(f);
  const form = document.getElementById('filters');
  form.addEventListener('change', applyFilters);
  form.addEventListener('submit', e => { e.preventDefault(); applyFilters(); });
  let typing = null;
  document.getElementById('f-q').addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(applyFilters, 300);
  });
  document.getElementById('f-clear').addEventListener('click', () => {
    writeForm(Object.fromEntries(FILTERS.map(n => [n, ''])));
    applyFilters();
  });
  setInterval(() => document.querySelectorAll('time[datetime]').forEach(t => {
    t.textContent = relativeTime(t.getAttribute('datetime'));
  }), 30000);
  reload(f);
}

document.addEventListener('DOMContentLoaded', start);
