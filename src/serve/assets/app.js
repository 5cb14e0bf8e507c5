// caucus serve: the page. Every view reads the JSON API; every piece of text from a
// paper goes into the page as a text node (never as HTML), so a paper cannot inject
// markup. No framework, no build step.
'use strict';

const app = document.getElementById('app');
const view = document.body.dataset.view;

// ---------- small helpers ----------

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

// A snippet's highlights are byte ranges of its UTF-8 text.
function snippet(s) {
  const bytes = enc.encode(s.text);
  const out = h('span', { class: 'snippet' });
  let at = 0;
  for (const [a, b] of s.highlights) {
    if (a < at || b > bytes.length) continue;
    out.append(dec.decode(bytes.slice(at, a)));
    out.append(h('mark', {}, dec.decode(bytes.slice(a, b))));
    at = b;
  }
  out.append(dec.decode(bytes.slice(at)));
  return out;
}

function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) v.forEach((x) => x && u.append(k, x));
    else if (v !== undefined && v !== null && v !== '' && v !== false) u.append(k, v === true ? '1' : v);
  }
  return u.toString();
}

async function api(endpoint, params) {
  const r = await fetch('/api/' + endpoint + '?' + qs(params || {}));
  let body;
  try {
    body = await r.json();
  } catch (e) {
    throw new Error('the server answered ' + r.status);
  }
  if (!r.ok) throw new Error(body.error || 'the server answered ' + r.status);
  return body;
}

let catalogPromise = null;
function catalog() {
  if (!catalogPromise) catalogPromise = api('list');
  return catalogPromise;
}

const countryLink = (name) => h('a', { class: 'country', href: '/country/' + encodeURIComponent(name) }, name);

function paperLink(ids, hit, q) {
  const id = ids && ids[hit.file];
  if (!id) return h('span', { class: 'loc' }, hit.location);
  const href = '/paper/' + id + '?' + qs({ p: hit.passage, q }) + '#p' + hit.passage;
  return h('a', { class: 'loc', href, title: 'Open the whole paper at this passage' }, hit.location);
}

// replaceChildren, leaving out the parts a view did not draw.
function fill(el, ...parts) {
  el.replaceChildren(...parts.flat(Infinity).filter((p) => p !== null && p !== undefined && p !== false && p !== ''));
}

function message(text, kind) {
  return h('p', { class: 'message ' + (kind || '') }, text);
}

function select(name, label, options, value) {
  const s = h('select', { name, 'aria-label': label },
    h('option', { value: '' }, label),
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
  return s;
}

function readAs(r) {
  const parts = [];
  if (r.read_as && r.read_as.filters && r.read_as.filters.length) {
    parts.push('Read as a question about ' + r.read_as.filters.map(([f, v]) => f + ' = ' + v).join(', ') + '.');
  }
  if (r.read_as && r.read_as.ignored && r.read_as.ignored.length) {
    parts.push('Not searched: ' + r.read_as.ignored.join(' ') + '.');
  }
  return parts.length ? h('p', { class: 'readas' }, parts.join(' ')) : null;
}

const plural = (n, one, many) => n + ' ' + (n === 1 ? one : many || one + 's');

// ---------- search (passages) and who (countries) ----------

const SECTIONS = ['background', 'position', 'solutions', 'bibliography', 'other'];

async function searchView() {
  const url = new URLSearchParams(location.search);
  let mode = location.pathname === '/who' || url.get('by') === 'country' ? 'who' : 'search';
  const input = h('input', {
    id: 'q', type: 'search', name: 'q', autocomplete: 'off', spellcheck: 'false', autofocus: true,
    placeholder: 'Search the papers: darknet escrow, "task force", what does Brazil say about precursors',
    value: url.get('q') || '', 'aria-label': 'Query',
  });
  const modeButtons = [
    ['search', 'Passages', 'Ranked passages with highlighted snippets'],
    ['who', 'Countries', 'Who mentions it: one row per country, with exact counts'],
  ].map(([m, text, title]) => h('button', { type: 'button', 'data-mode': m, title, class: m === mode ? 'on' : '' }, text));
  const filters = h('div', { class: 'filters' });
  const status = h('div', { class: 'status', 'aria-live': 'polite' });
  const results = h('div', { id: 'results' });
  const form = h('form', { class: 'searchbox', role: 'search', onsubmit: (e) => { e.preventDefault(); schedule(0); } },
    h('div', { class: 'row' }, input, h('div', { class: 'modes', role: 'group', 'aria-label': 'Show' }, modeButtons)),
    filters);
  fill(app, form, status, results);

  const cat = await catalog().catch(() => ({ committees: [], countries: {}, topics: [] }));
  const fSelects = {
    committee: select('committee', 'All committees', cat.committees.map((c) => [c.code, c.code + ' · ' + c.name]), url.get('committee')),
    country: select('country', 'All countries', Object.keys(cat.countries).map((c) => [c, c]), url.get('country')),
    topic: select('topic', 'All topics', cat.topics.map((t) => [t, t]), url.get('topic')),
    section: select('section', 'All sections', SECTIONS.map((s) => [s, s[0].toUpperCase() + s.slice(1)]), url.get('section')),
  };
  fill(filters, ...Object.values(fSelects));

  const state = () => {
    const s = { q: input.value.trim() };
    for (const [k, el] of Object.entries(fSelects)) s[k] = el.value;
    return s;
  };

  let inFlight = false;
  let again = false;
  let timer = null;
  let shown = null;

  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(run, delay === undefined ? 120 : delay);
  }

  // At most one request in flight: a change while one runs is sent when it returns.
  async function run() {
    if (inFlight) { again = true; return; }
    const s = state();
    const key = mode + '|' + qs(s);
    if (key === shown) return;
    const path = mode === 'who' ? '/who' : '/';
    history.replaceState(null, '', path + (qs(s) ? '?' + qs(s) : ''));
    document.title = (s.q ? s.q + ' · ' : '') + (mode === 'who' ? 'Who mentions it' : 'Search') + ' · caucus';
    if (!s.q) {
      shown = key;
      fill(status);
      fill(results, welcome(cat, (q) => { input.value = q; schedule(0); }));
      return;
    }
    inFlight = true;
    results.classList.add('loading');
    try {
      if (mode === 'who') renderWho(await api('who', { ...s, missing: 1 }), s.q);
      else renderSearch(await api('search', { ...s, limit: 20 }), s.q);
      shown = key;
    } catch (e) {
      fill(status, message(e.message, 'error'));
      fill(results);
      shown = key;
    } finally {
      inFlight = false;
      results.classList.remove('loading');
      if (again) { again = false; run(); }
    }
  }

  function renderSearch(r, q) {
    fill(status, 
      h('p', { class: 'count' }, r.total ? `${r.hits.length} of ${plural(r.total, 'matching passage')}, best first` : 'No passage matches.'),
      readAs(r));
    fill(results, h('ol', { class: 'hits' }, r.hits.map((hit) => h('li', { class: 'hit' },
      h('div', { class: 'hit-head' },
        h('span', { class: 'rank' }, hit.rank),
        countryLink(hit.country),
        hit.committee && h('span', { class: 'badge', title: hit.committee_name }, hit.committee),
        h('span', { class: 'where' }, [hit.topic, hit.section || hit.section_kind].filter(Boolean).join(' · ')),
        paperLink(r.paper_ids, hit, q)),
      hit.snippets.map((s) => h('p', { class: 'text' }, snippet(s)))))));
  }

  function renderWho(r, q) {
    // The count is of the countries kept: with a stance asked for, of those taking it
    // (as the terminal says).
    const verbs = {
      support: ['supports', 'support'], oppose: ['opposes', 'oppose'],
      mixed: ['is mixed on', 'are mixed on'], mention: ['only mentions', 'only mention'],
    };
    const counted = (r) => {
      const [one, many] = verbs[r.stance] || ['mentions', 'mention'];
      return r.total_countries === 1 ? one : many;
    };
    const hasStance = r.countries.some((c) => c.stance !== undefined && c.stance !== null);
    const verb = r.partial ? 'part of it' : 'it';
    fill(status,
      r.partial && h('p', { class: 'count warn' },
        'No passage has every word. These countries\' passages have ' +
        (r.partial.min_share >= 1 ? 'every word that some paper uses.'
          : `at least ${r.partial.min_share >= 0.75 ? 'three quarters' : 'half'} of them, the rarer words counting more.`)),
      h('p', { class: 'count' }, r.total_countries
        ? `${plural(r.total_countries, 'country', 'countries')} ${counted(r)} ${verb} in ${plural(r.total_passages, 'passage')}${r.total_countries > 1 ? '; ranked by their best passage, plus credit for more' : ''}`
        : r.stance && r.mentioning
          ? `No country ${(verbs[r.stance] || verbs.mention)[0]} it; ${plural(r.mentioning, 'country', 'countries')} ${r.mentioning === 1 ? 'mentions' : 'mention'} it.`
          : 'No country mentions it.'),
      (r.unused || []).length > 0 && h('p', { class: 'count' }, `No paper uses: ${r.unused.join(', ')}.`),
      readAs(r));
    const table = h('table', { class: 'who' },
      h('thead', {}, h('tr', {},
        h('th', { class: 'num' }, '#'), h('th', {}, 'Country'),
        hasStance && h('th', {}, 'Stance'),
        h('th', { class: 'num' }, 'Passages'), h('th', { class: 'num' }, 'Papers'),
        h('th', { class: 'best' }, 'Best passage'))),
      h('tbody', {}, r.countries.map((row) => h('tr', {},
        h('td', { class: 'num rank' }, row.rank),
        h('td', { class: 'name' }, countryLink(row.country)),
        hasStance && h('td', {}, stanceBadge(row)),
        h('td', { class: 'num' }, row.passages),
        h('td', { class: 'num' }, row.papers),
        h('td', { class: 'best' },
          row.best.snippets.slice(0, 2).map((s) => h('p', { class: 'text' }, snippet(s))),
          evidence(row),
          h('div', { class: 'meta' }, paperLink(r.paper_ids, row.best, q)))))));
    const missing = r.missing && r.missing.length
      ? h('section', { class: 'missing' }, h('h2', {}, `Not mentioning it (${r.missing.length})`),
        h('p', { class: 'chips' }, r.missing.map(countryLink)))
      : (r.missing && r.countries.length ? message('Every country in these papers mentions it.') : null);
    fill(results, r.countries.length ? h('div', { class: 'scroll' }, table) : null, missing);
  }

  input.addEventListener('input', () => schedule());
  Object.values(fSelects).forEach((el) => el.addEventListener('change', () => schedule(0)));
  modeButtons.forEach((b) => b.addEventListener('click', () => {
    mode = b.dataset.mode;
    modeButtons.forEach((x) => x.classList.toggle('on', x === b));
    schedule(0);
  }));
  schedule(0);
}

// The `who` record gains a stance (support / oppose / mixed / mention) with the
// sentence that shows it; shown whenever the record has it.
function stanceOf(row) {
  const st = row.stance;
  if (st === undefined || st === null) return null;
  if (typeof st === 'string') return st;
  return st.label || st.value || st.stance || st.kind || null;
}

function stanceBadge(row) {
  const label = stanceOf(row);
  if (!label) return '';
  const known = ['support', 'oppose', 'mixed', 'mention'].includes(label) ? label : 'other';
  return h('span', { class: 'stance stance-' + known }, label);
}

function evidence(row) {
  const st = row.stance && typeof row.stance === 'object' ? row.stance : {};
  const ev = row.counter_evidence ? [row.evidence, row.counter_evidence] : (row.evidence || row.stance_evidence || st.evidence);
  if (!ev) return null;
  const items = Array.isArray(ev) ? ev : [ev];
  return items.slice(0, 2).map((e) => {
    if (typeof e === 'string') return h('blockquote', { class: 'evidence' }, e);
    if (e.snippets) return h('blockquote', { class: 'evidence' }, e.snippets.slice(0, 1).map(snippet));
    if (e.text && e.highlights) return h('blockquote', { class: 'evidence' }, snippet(e));
    return h('blockquote', { class: 'evidence' }, e.text || e.sentence || '', e.location ? h('span', { class: 'loc' }, ' ' + e.location) : '');
  });
}

function welcome(cat, ask) {
  const examples = ['who mentions darknet escrow', '"task force"', 'harm reduction', 'cryptocurrency OR tumbling', 'what does Belgium say about precursors'];
  const papers = Object.values(cat.countries || {}).reduce((a, b) => a + b, 0);
  return h('section', { class: 'welcome' },
    h('p', { class: 'lead' }, `${plural(papers, 'paper')} from ${plural(Object.keys(cat.countries || {}).length, 'country', 'countries')} in ${plural((cat.committees || []).length, 'committee')}.`),
    h('p', {}, 'Try: ', examples.map((q) => h('button', { type: 'button', class: 'chip', onclick: () => ask(q) }, q))),
    h('h2', {}, 'Committees'),
    h('ul', { class: 'committees' }, (cat.committees || []).map((c) => h('li', {},
      h('a', { href: '/blocs?committee=' + encodeURIComponent(c.code) }, h('strong', {}, c.code), ' ', c.name),
      h('span', { class: 'muted' }, ' · ' + plural(c.countries.length, 'country', 'countries'))))));
}

// ---------- country ----------

// Inline style attributes are refused by the page's CSP; the CSSOM is not.
function bar(v) {
  const fill = h('span');
  fill.style.width = Math.round(Math.max(0, Math.min(1, v)) * 100) + '%';
  return h('span', { class: 'bar', title: 'similarity ' + v.toFixed(2) }, fill);
}

async function countryView() {
  const name = decodeURIComponent(location.pathname.slice('/country/'.length));
  const papersBox = h('section', { class: 'panel' }, h('h2', {}, 'Papers'), message('Loading…'));
  const alliesBox = h('section', { class: 'panel' }, h('h2', {}, 'Closest allies'), message('Loading…'));
  const compareBox = h('section', { class: 'panel' }, h('h2', {}, 'Compare with'));
  fill(app, h('h1', {}, name), h('div', { class: 'cols' }, h('div', {}, papersBox, compareBox), alliesBox));

  api('papers', { country: name }).then((papers) => {
    const by = new Map();
    papers.forEach((p) => { const k = p.committee || '—'; if (!by.has(k)) by.set(k, []); by.get(k).push(p); });
    fill(papersBox, h('h2', {}, 'Papers'), [...by].map(([code, list]) => h('div', { class: 'committee' },
      h('h3', {}, h('a', { href: '/blocs?committee=' + encodeURIComponent(code), title: 'Blocs in ' + code }, code), ' ', h('span', { class: 'muted' }, list[0].committee_name)),
      h('ul', {}, list.map((p) => h('li', {},
        h('a', { href: '/paper/' + p.id }, p.topics.length ? p.topics.join('; ') : p.file),
        h('span', { class: 'muted' }, ' · ' + p.file + ' · ' + plural(p.passages, 'passage'))))))));
  }).catch((e) => fill(papersBox, h('h2', {}, 'Papers'), message(e.message, 'error')));

  api('allies', { country: name, limit: 10 }).then((r) => {
    fill(alliesBox, h('h2', {}, 'Closest allies ', h('span', { class: 'muted' }, r.scope)),
      h('ol', { class: 'allies' }, r.allies.map((a) => h('li', {},
        h('div', { class: 'ally-head' }, countryLink(a.country),
          bar(a.similarity),
          h('span', { class: 'num' }, a.similarity.toFixed(2)),
          h('a', { class: 'small', href: '/compare?' + qs({ a: name, b: a.country }) }, 'compare')),
        a.shared_terms.length ? h('p', { class: 'terms' }, 'shared: ', a.shared_terms.join(', ')) : null))),
      h('p', { class: 'muted small' }, r.explanation));
  }).catch((e) => fill(alliesBox, h('h2', {}, 'Closest allies'), message(e.message, 'error')));

  const cat = await catalog().catch(() => ({ countries: {} }));
  const other = select('b', 'Choose a country', Object.keys(cat.countries).filter((c) => c !== name).map((c) => [c, c]), '');
  compareBox.append(h('form', { class: 'inline', action: '/compare', method: 'get' },
    h('input', { type: 'hidden', name: 'a', value: name }), other, h('button', { type: 'submit' }, 'Compare')));
}

// ---------- blocs ----------

async function blocsView() {
  const url = new URLSearchParams(location.search);
  const cat = await catalog().catch((e) => { fill(app, message(e.message, 'error')); return null; });
  if (!cat) return;
  const usable = cat.committees.filter((c) => c.countries.length >= 3);
  let code = url.get('committee') || (usable[0] || cat.committees[0] || {}).code;
  const picker = h('nav', { class: 'tabs', 'aria-label': 'Committee' }, cat.committees.map((c) =>
    h('a', { href: '/blocs?committee=' + encodeURIComponent(c.code), class: c.code === code ? 'on' : '', title: c.name }, c.code)));
  const body = h('div', { id: 'blocs' }, message('Loading…'));
  fill(app, h('h1', {}, 'Blocs'), picker, body);
  if (!code) { fill(body, message('The index has no committees.')); return; }
  let r;
  try {
    r = await api('blocs', { committee: code, count: url.get('count'), threshold: url.get('threshold'), topic: url.get('topic') });
  } catch (e) {
    fill(body, message(e.message, 'error'));
    return;
  }
  const tip = h('div', { class: 'tip', role: 'status' });
  const map = h('div', { class: 'heatmap' });
  // The SVG is the one `blocs --plot` writes; its text is escaped where it is drawn.
  map.innerHTML = r.svg;
  const n = r.order.length;
  const cells = [...map.querySelectorAll('rect')].filter((el) => el.querySelector('title'));
  cells.forEach((cell, k) => {
    const i = Math.floor(k / n);
    const j = k % n;
    const t = cell.querySelector('title');
    if (t) t.remove();
    cell.classList.add('cell');
    cell.dataset.a = r.order[i];
    cell.dataset.b = r.order[j];
    const v = (r.matrix[i] || [])[j];
    cell.dataset.v = v === undefined ? '' : v.toFixed(2);
    if (i !== j) {
      cell.setAttribute('tabindex', '0');
      cell.setAttribute('role', 'link');
      cell.setAttribute('aria-label', `${r.order[i]} and ${r.order[j]}: similarity ${cell.dataset.v}`);
    }
  });
  const show = (cell, x, y) => {
    fill(tip, h('strong', {}, cell.dataset.a), ' · ', h('strong', {}, cell.dataset.b), h('br'),
      cell.dataset.a === cell.dataset.b ? 'same country' : 'similarity ' + cell.dataset.v);
    tip.style.left = x + 14 + 'px';
    tip.style.top = y + 14 + 'px';
    tip.classList.add('on');
  };
  const open = (cell) => {
    if (cell.dataset.a !== cell.dataset.b) location.href = '/compare?' + qs({ a: cell.dataset.a, b: cell.dataset.b, committee: code });
  };
  map.addEventListener('mousemove', (e) => {
    const cell = e.target.closest && e.target.closest('rect.cell');
    if (cell) show(cell, e.clientX, e.clientY); else tip.classList.remove('on');
  });
  map.addEventListener('mouseleave', () => tip.classList.remove('on'));
  map.addEventListener('click', (e) => { const cell = e.target.closest && e.target.closest('rect.cell'); if (cell) open(cell); });
  map.addEventListener('keydown', (e) => { if (e.key === 'Enter' && e.target.matches('rect.cell')) open(e.target); });
  map.addEventListener('focusin', (e) => {
    if (e.target.matches('rect.cell')) { const b = e.target.getBoundingClientRect(); show(e.target, b.right, b.top); }
  });

  const blocs = h('div', { class: 'bloc-list' },
    h('p', { class: 'lead' }, `${plural(r.blocs.length, 'bloc')} among ${plural(r.countries, 'country', 'countries')}`),
    r.blocs.map((b) => h('section', { class: 'bloc' },
      h('h3', {}, 'Bloc ' + b.number, h('span', { class: 'muted' }, ' · cohesion ' + b.cohesion.toFixed(2))),
      h('p', { class: 'chips' }, b.members.map(countryLink)),
      b.terms.length ? h('p', { class: 'terms' }, h('span', { class: 'muted' }, 'distinctive words: '), b.terms.join(', ')) : null)),
    r.unaligned.length ? h('section', { class: 'bloc unaligned' }, h('h3', {}, 'Fit no bloc'), h('p', { class: 'chips' }, r.unaligned.map(countryLink))) : null,
    h('p', { class: 'muted small' }, 'How many: ' + r.method + '. ' + r.explanation));
  fill(body, h('h2', {}, r.scope), h('div', { class: 'cols blocs-cols' }, h('div', { class: 'scroll' }, map), blocs), tip);
}

// ---------- compare ----------

async function compareView() {
  const url = new URLSearchParams(location.search);
  const cat = await catalog().catch(() => ({ countries: {}, committees: [] }));
  const names = Object.keys(cat.countries).map((c) => [c, c]);
  const a = select('a', 'First country', names, url.get('a'));
  const b = select('b', 'Second country', names, url.get('b'));
  const c = select('committee', 'First shared committee', cat.committees.map((x) => [x.code, x.code]), url.get('committee'));
  const out = h('div', { id: 'compare' });
  fill(app, h('h1', {}, 'Compare'),
    h('form', { class: 'inline', action: '/compare', method: 'get' }, a, b, c, h('button', { type: 'submit' }, 'Compare')), out);
  if (!url.get('a') || !url.get('b')) {
    fill(out, message('Choose two countries to see where their papers agree and where they differ.'));
    return;
  }
  let r;
  try {
    r = await api('compare', { a: url.get('a'), b: url.get('b'), committee: url.get('committee') });
  } catch (e) {
    fill(out, message(e.message, 'error'));
    return;
  }
  document.title = `${r.first} and ${r.second} · caucus`;
  const words = (list) => list.length ? h('p', { class: 'terms' }, list.join(', ')) : h('p', { class: 'muted' }, '—');
  // A pair is [first, second], or {term, first, second} when it agrees on a term.
  const pair = (label, p) => p ? h('section', { class: 'pair' }, h('h3', {}, p.term ? `${label}: “${p.term}”` : label), h('div', { class: 'side-by-side' },
    (Array.isArray(p) ? p : [p.first, p.second]).filter(Boolean).map((x) => h('blockquote', {}, h('div', { class: 'who-said' }, countryLink(x.country), ' ', h('span', { class: 'loc' }, x.location)), x.text)))) : null;
  fill(out, 
    h('h2', {}, countryLink(r.first), ' and ', countryLink(r.second), h('span', { class: 'muted' }, ` · ${r.scope} · similarity ${r.similarity.toFixed(2)}`)),
    h('div', { class: 'side-by-side' },
      h('section', { class: 'panel' }, h('h3', {}, 'Only ' + r.first), words(r.first_only)),
      h('section', { class: 'panel' }, h('h3', {}, 'Only ' + r.second), words(r.second_only))),
    h('section', { class: 'panel' }, h('h3', {}, 'Both stress'), words(r.shared_terms)),
    differences(r),
    pair('Where they agree', r.agree),
    pair('Where they differ', r.differ),
    h('p', { class: 'muted small' }, r.explanation));
}

// The issues where the two take different stances, each side with its sentence.
function differences(r) {
  const list = r.stance_differences || [];
  if (!r.issues_checked) return null;
  const side = (row) => h('blockquote', {},
    h('div', { class: 'who-said' }, countryLink(row.country), ' ', stanceBadge(row), ' ', h('span', { class: 'loc' }, row.best.location)),
    evidence(row));
  return h('section', { class: 'panel' },
    h('h3', {}, 'Where their stances differ'),
    list.length
      ? list.map((d) => h('section', { class: 'pair' }, h('h4', {}, `“${d.issue}”: ${d.summary}`), h('div', { class: 'side-by-side' }, side(d.first), side(d.second))))
      : h('p', { class: 'muted' }, `No difference in stance found on the ${plural(r.issues_checked, 'issue')} both write about most.`));
}

// ---------- paper (rendered by the server; this adds next/previous match) ----------

function paperView() {
  const marks = [...document.querySelectorAll('.paper mark')];
  const target = document.querySelector('.passage.target');
  if (target) target.scrollIntoView({ block: 'center' });
  if (!marks.length) return;
  let at = -1;
  const label = h('span', {}, plural(marks.length, 'match', 'matches'));
  const go = (d) => {
    at = (at + d + marks.length) % marks.length;
    marks.forEach((m) => m.classList.remove('current'));
    marks[at].classList.add('current');
    marks[at].scrollIntoView({ block: 'center', behavior: 'smooth' });
    label.textContent = `match ${at + 1} of ${marks.length}`;
  };
  document.body.append(h('div', { class: 'matchbar' },
    label,
    h('button', { type: 'button', title: 'Previous match (p)', onclick: () => go(-1) }, '↑'),
    h('button', { type: 'button', title: 'Next match (n)', onclick: () => go(1) }, '↓')));
  document.addEventListener('keydown', (e) => {
    if (e.target.matches('input, select, textarea')) return;
    if (e.key === 'n') go(1);
    if (e.key === 'p') go(-1);
  });
}

// ---------- start ----------

document.querySelectorAll('[data-nav]').forEach((a) => {
  if (a.dataset.nav === view || (view === 'search' && a.dataset.nav === 'search')) a.classList.add('on');
});

({ search: searchView, country: countryView, blocs: blocsView, compare: compareView, paper: paperView }[view] || (() => {}))();
