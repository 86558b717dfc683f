// Clipfile's search page: wires the URL state, the API and the views together.

import { ApiError, get, onLoginRequired, optional, session } from './api.js';
import { renderArticle } from './article.js';
import { copiesToggle } from './copies.js';
import { clear, el, formatCount, formatDate, highlighted } from './dom.js';
import { enableCuration, initCurationPanel } from './curation.js';
import { renderEntity } from './entity.js';
import { FACET_TITLES, countedFacets, labelOf, renderFacets, rememberLabels } from './facets.js';
import { drawHistogram } from './histogram.js';
import { cellsFromHits, drawMap, placed, tileBounds, zoomFor } from './map.js';
import {
  copyState, FACETS, hasFilters, parseState, searchParams, searchState, stateUrl, toggle,
} from './state.js';

const $ = (id) => document.getElementById(id);
const MAX_WINDOW = 10_000;

let state = parseState(location.search);
let renderCount = 0;
let lastResult = null; // {key, result}
let more = null; // the "load more" walk: {cursor, shown}

// ---- navigation -------------------------------------------------------------------------------------------------

function navigate(next, { replace = false } = {}) {
  const url = stateUrl(next);
  if (replace) {
    history.replaceState(null, '', url);
  } else {
    history.pushState(null, '', url);
  }
  render();
}

const links = {
  filterUrl: (facet, value) => stateUrl(searchState(state, (s) => {
    toggle(s.filters[facet].include, value, true);
    toggle(s.filters[facet].exclude, value, false);
  })),
  entityUrl: (id) => stateUrl({ ...copyState(state), article: '', entity: id }),
  articleUrl: (id) => stateUrl({ ...copyState(state), article: id, entity: '' }),
  get backUrl() {
    return stateUrl({ ...copyState(state), article: '', entity: '' });
  },
};

document.addEventListener('click', (event) => {
  const link = event.target.closest?.('a[data-nav]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
      || event.altKey) {
    return;
  }
  event.preventDefault();
  history.pushState(null, '', link.getAttribute('href'));
  render();
});

window.addEventListener('popstate', () => render());

// ---- messages ---------------------------------------------------------------------------------------------------

function showError(error) {
  const box = $('message');
  clear(box);
  if (error instanceof ApiError && error.problem) {
    const p = error.problem;
    box.append(el('strong', {}, p.title ?? 'Error'), ': ', p.detail ?? error.message);
    if (p.hint) {
      box.append(el('br'), 'Hint: ', p.hint);
    }
    if (Number.isInteger(p.position) && state.q) {
      box.append(el('br'), el('code', { class: 'query-position' }, state.q.slice(0, p.position),
          el('mark', {}, state.q.slice(p.position, p.position + 1) || ' '), state.q.slice(p.position + 1)));
    }
  } else {
    box.append(String(error?.message ?? error));
  }
  box.hidden = false;
}

function hideError() {
  $('message').hidden = true;
}

// ---- the search view --------------------------------------------------------------------------------------------

/** A collection's name as the collections panel left it for this tab, else its id. */
function collectionName(id) {
  try {
    return sessionStorage.getItem('clipfile.collection.' + id) ?? id;
  } catch {
    return id;
  }
}

function chips() {
  const box = clear($('active-filters'));
  const chip = (text, change, excluded = false) => {
    const remove = el('button', { type: 'button', class: 'chip-remove', 'aria-label': 'Remove filter ' + text }, '×');
    remove.addEventListener('click', () => navigate(searchState(state, change)));
    return el('span', { class: 'chip filter-chip' + (excluded ? ' excluded' : '') }, text, remove);
  };
  for (const facet of FACETS) {
    const { include, exclude } = state.filters[facet];
    include.forEach((v) => box.append(chip(`${FACET_TITLES[facet]}: ${labelOf(v)}`,
        (s) => toggle(s.filters[facet].include, v, false))));
    exclude.forEach((v) => box.append(chip(`${FACET_TITLES[facet]}: not ${labelOf(v)}`,
        (s) => toggle(s.filters[facet].exclude, v, false), true)));
  }
  if (state.from || state.to) {
    box.append(chip(`Dates: ${state.from || '…'} to ${state.to || '…'}`, (s) => { s.from = ''; s.to = ''; }));
  }
  if (state.bbox) {
    box.append(chip('Map area', (s) => { s.bbox = ''; }));
  }
  if (state.collection) {
    box.append(chip('Collection: ' + collectionName(state.collection), (s) => { s.collection = ''; }));
  }
  if (hasFilters(state)) {
    const clearAll = el('button', { type: 'button', class: 'link clear-all', id: 'clear-all' }, 'Clear all filters');
    clearAll.addEventListener('click', () => navigate(searchState(state, (s) => {
      FACETS.forEach((f) => { s.filters[f] = { include: [], exclude: [] }; });
      s.from = '';
      s.to = '';
      s.bbox = '';
      s.collection = '';
    })));
    box.append(clearAll);
  }
}

function entityChips(hit) {
  const e = hit.entities ?? {};
  const list = el('ul', { class: 'entity-chips' });
  for (const [type, items] of [['person', e.people], ['group', e.groups], ['place', e.places]]) {
    for (const item of (items ?? []).slice(0, 3)) {
      list.append(el('li', {}, el('a', {
        class: 'chip entity-' + type, href: links.filterUrl(type, item.id), 'data-nav': '',
        title: 'Filter: ' + item.name,
      }, item.name)));
    }
  }
  return list;
}

function hitItem(hit) {
  rememberLabels([...(hit.entities?.people ?? []), ...(hit.entities?.groups ?? []), ...(hit.entities?.places ?? [])]
      .map((x) => ({ value: x.id, label: x.name })));
  const meta = [formatDate(hit.published), hit.source, hit.section].filter(Boolean).join(' · ');
  return el('li', { class: 'hit', 'data-id': hit.id },
      el('h3', {}, el('a', { href: links.articleUrl(hit.id), 'data-nav': '', class: 'hit-title' },
          highlighted(hit.title))),
      el('p', { class: 'meta' }, meta),
      hit.snippet ? el('p', { class: 'snippet' }, highlighted(hit.marked_snippet ?? hit.snippet)) : null,
      entityChips(hit),
      copiesToggle(hit, links));
}

/** Says what the facet counts count (articles, or stories: copies of one story once) and switches it. */
function countingSwitch() {
  const stories = state.count === 'stories';
  const other = stateUrl(searchState(state, (s) => { s.count = stories ? 'articles' : 'stories'; }));
  return el('p', { class: 'facet-counting', id: 'facet-counting' },
      'Counts ', el('strong', {}, stories ? 'stories' : 'articles'), ' · ',
      el('a', { href: other, 'data-nav': '', id: 'facet-counting-switch',
        title: stories ? 'Count every article, copies included' : 'Count the copies of one story once' },
      stories ? 'count articles' : 'count stories'));
}

function pager(result) {
  const nav = clear($('pager'));
  const pages = Math.min(Math.ceil(result.total / state.size), Math.floor(MAX_WINDOW / state.size));
  if (pages <= 1) {
    return;
  }
  const link = (page, text, current = false) => current
    ? el('span', { class: 'page current', 'aria-current': 'page' }, text)
    : el('a', { class: 'page', href: stateUrl({ ...copyState(state), page }), 'data-nav': '' }, text);
  if (state.page > 1) {
    nav.append(link(state.page - 1, '‹ Previous'));
  }
  const first = Math.max(1, state.page - 2);
  const last = Math.min(pages, state.page + 2);
  for (let p = first; p <= last; p++) {
    nav.append(link(p, String(p), p === state.page));
  }
  if (state.page < pages) {
    nav.append(link(state.page + 1, 'Next ›'));
  }
}

function exportLinks() {
  for (const format of ['csv', 'ndjson']) {
    const params = searchParams(state, { page: false });
    params.set('format', format);
    $('export-' + format).setAttribute('href', '/api/export?' + params.toString());
  }
}

async function loadMore() {
  const button = $('load-more');
  button.disabled = true;
  try {
    // Deep paging walks a cursor (point in time + search_after): first to the end of what is shown, then on.
    if (!more) {
      let cursor = '';
      let skip = (state.page - 1) * state.size + $('results').children.length;
      while (skip > 0) {
        const params = searchParams(state, { page: false });
        params.set('cursor', cursor);
        params.set('size', String(Math.min(100, skip)));
        params.set('facets', ''); // hits only: the facets are on the page already
        const walked = await get('/api/search', params);
        skip -= walked.hits.length;
        cursor = walked.cursor;
        if (!cursor) {
          break;
        }
      }
      more = { cursor };
    }
    if (!more.cursor) {
      button.hidden = true;
      return;
    }
    const params = searchParams(state, { page: false });
    params.set('cursor', more.cursor);
    params.set('size', String(state.size));
    params.set('facets', '');
    const next = await get('/api/search', params);
    next.hits.forEach((hit) => $('results').append(hitItem(hit)));
    more.cursor = next.cursor;
    // A full last page still carries a cursor; the exact total says whether anything is left.
    button.hidden = !next.cursor || (state.page - 1) * state.size + $('results').children.length >= summaryTotal;
    $('summary').dataset.shown = String($('results').children.length);
    updateSummary();
  } catch (error) {
    if (error instanceof ApiError && error.status === 410) {
      more = null; // the cursor expired: the next click walks a new one from the start
    }
    showError(error);
  } finally {
    button.disabled = false;
  }
}

let summaryTotal = 0;
function updateSummary() {
  const shown = $('results').children.length;
  const start = (state.page - 1) * state.size + (shown ? 1 : 0);
  const end = (state.page - 1) * state.size + shown;
  $('summary').textContent = summaryTotal === 0 ? 'No articles found'
    : `${formatCount(summaryTotal)} article${summaryTotal === 1 ? '' : 's'} · showing ${formatCount(start)}–${formatCount(end)}`;
  $('summary').dataset.total = String(summaryTotal);
}

async function mapCells(params) {
  const mapParams = new URLSearchParams(params);
  mapParams.set('zoom', '3');
  const first = await optional('/api/map', mapParams);
  if (first === null) {
    return null;
  }
  const zoom = zoomFor((first.cells ?? []).map(placed));
  if (zoom <= 3) {
    return first.cells ?? [];
  }
  mapParams.set('zoom', String(zoom));
  return (await get('/api/map', mapParams)).cells ?? [];
}

function pickCell(cell) {
  navigate(searchState(state, (s) => {
    const top = cell.top ?? [];
    if (top.length && (top.length === 1 || top[0].count === cell.count || !cell.key.includes('/'))) {
      toggle(s.filters.place.include, top[0].id, true);
      toggle(s.filters.place.exclude, top[0].id, false);
      rememberLabels([{ value: top[0].id, label: top[0].name }]);
    } else {
      const box = cell.bbox ? [cell.bbox.west, cell.bbox.south, cell.bbox.east, cell.bbox.north] : tileBounds(cell.key);
      s.bbox = box.map((n) => Number(n).toFixed(4)).join(',');
    }
  }));
}

async function runSearch(token) {
  const params = searchParams(state);
  params.set('size', String(state.size));
  params.set('facets', countedFacets());
  const key = params.toString();
  const result = lastResult?.key === key ? lastResult.result : await get('/api/search', params);
  if (token !== renderCount) {
    return;
  }
  lastResult = { key, result };
  more = null;
  hideError();
  renderFacets($('facets'), result, state, { navigate, entityUrl: links.entityUrl });
  $('facets').prepend(countingSwitch());
  chips();
  const list = clear($('results'));
  result.hits.forEach((hit) => list.append(hitItem(hit)));
  chips(); // again, now that the hits named their entities
  summaryTotal = result.total;
  updateSummary();
  // A long question that no article answers word for word: say the hits have most of its words, not all.
  $('relaxed').hidden = result.matched !== 'most';
  pager(result);
  exportLinks();
  $('load-more').hidden = result.total <= state.page * state.size;
  $('from').value = /^\d{4}-\d{2}-\d{2}$/.test(state.from) ? state.from : '';
  $('to').value = /^\d{4}-\d{2}-\d{2}$/.test(state.to) ? state.to : '';
  drawHistogram($('histogram'), result.dates, { from: state.from, to: state.to },
      (from, to) => navigate(searchState(state, (s) => { s.from = from; s.to = to; })));
  const cells = await mapCells(searchParams(state, { sort: false, page: false }));
  if (token !== renderCount) {
    return;
  }
  await drawMap($('map'), cells ?? cellsFromHits(result.hits), pickCell);
  document.body.dataset.ready = String(token);
}

// ---- rendering --------------------------------------------------------------------------------------------------

function showView(name) {
  $('search-view').hidden = name !== 'search';
  $('article-view').hidden = name !== 'article';
  $('entity-view').hidden = name !== 'entity';
}

async function render() {
  state = parseState(location.search);
  const token = ++renderCount;
  hideSuggestions();
  delete document.body.dataset.ready;
  $('q').value = state.q;
  $('sort').value = state.sort;
  try {
    if (state.article) {
      showView('article');
      await renderArticle($('article-view'), state.article, links);
      $('article-view').focus({ preventScroll: true });
    } else if (state.entity) {
      showView('entity');
      await renderEntity($('entity-view'), state.entity, state, {
        ...links,
        backUrl: links.backUrl,
        bothUrl: (facet, id, coFacet, coId) => stateUrl(searchState(state, (s) => {
          toggle(s.filters[facet].include, id, true);
          toggle(s.filters[coFacet].include, coId, true);
        })),
        onRange: (facet, id, from, to) => navigate(searchState(state, (s) => {
          toggle(s.filters[facet].include, id, true);
          s.from = from;
          s.to = to;
        })),
      });
      $('entity-view').focus({ preventScroll: true });
    } else {
      showView('search');
      document.title = state.q ? state.q + ' · Clipfile' : 'Clipfile';
      await runSearch(token);
    }
    if (token === renderCount) {
      hideError();
      document.body.dataset.ready = String(token);
    }
  } catch (error) {
    if (token === renderCount) {
      showError(error);
      document.body.dataset.ready = String(token);
    }
  }
}

// ---- controls ---------------------------------------------------------------------------------------------------

$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  hideSuggestions();
  navigate(searchState(state, (s) => {
    s.q = $('q').value.trim();
    s.sort = $('sort').value;
  }));
});

$('sort').addEventListener('change', () => navigate(searchState(state, (s) => { s.sort = $('sort').value; })));

$('date-form').addEventListener('submit', (event) => {
  event.preventDefault();
  navigate(searchState(state, (s) => {
    s.from = $('from').value;
    s.to = $('to').value;
  }));
});

$('load-more').addEventListener('click', loadMore);

function toggleHelp(open) {
  $('help').hidden = !open;
  $('help-button').setAttribute('aria-expanded', String(open));
  if (open) {
    $('help').focus?.();
  }
}
$('help-button').addEventListener('click', () => toggleHelp($('help').hidden));
$('help-close').addEventListener('click', () => {
  toggleHelp(false);
  $('help-button').focus();
});

$('filters-toggle').addEventListener('click', () => {
  const open = !$('facets').classList.contains('open');
  $('facets').classList.toggle('open', open);
  $('filters-toggle').setAttribute('aria-expanded', String(open));
});

document.addEventListener('keydown', (event) => {
  const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement?.tagName ?? '');
  if (event.key === '/' && !typing) {
    event.preventDefault();
    $('q').focus();
  } else if (event.key === 'Escape' && !$('help').hidden) {
    toggleHelp(false);
  }
});

window.addEventListener('resize', () => {
  if (lastResult && !state.article && !state.entity) {
    drawHistogram($('histogram'), lastResult.result.dates, { from: state.from, to: state.to },
        (from, to) => navigate(searchState(state, (s) => { s.from = from; s.to = to; })));
  }
});

// ---- suggestions: people, groups and places while typing ---------------------------------------------------------

const KINDS = { person: 'Person', group: 'Group', place: 'Place' };
let suggestTimer = null;
let suggestAsked = '';

function hideSuggestions() {
  $('suggestions').hidden = true;
  clear($('suggestions'));
}

function lastWord(text) {
  const match = /(?:^|\s)([\p{L}\p{N}][\p{L}\p{N}'’.-]{2,})$/u.exec(text);
  return match ? match[1] : null;
}

$('q').addEventListener('input', () => {
  clearTimeout(suggestTimer);
  suggestTimer = setTimeout(async () => {
    const text = $('q').value;
    const word = lastWord(text);
    suggestAsked = text;
    if (!word) {
      hideSuggestions();
      return;
    }
    let found = null;
    try {
      found = await optional('/api/entities', new URLSearchParams({ prefix: word, size: '6' }));
    } catch {
      found = null;
    }
    if (suggestAsked !== text || $('q').value !== text) {
      return;
    }
    const entities = found?.entities ?? [];
    if (!entities.length) {
      hideSuggestions();
      return;
    }
    const list = clear($('suggestions'));
    for (const entity of entities) {
      const facet = KINDS[entity.type] ? entity.type : null;
      if (!facet) {
        continue;
      }
      const button = el('button', { type: 'button', 'data-entity': entity.id },
          el('span', { class: 'kind' }, KINDS[facet]), el('span', { class: 'name' }, entity.name),
          el('span', { class: 'count' }, formatCount(entity.count)));
      button.addEventListener('click', () => {
        rememberLabels([{ value: entity.id, label: entity.name }]);
        hideSuggestions();
        navigate(searchState(state, (s) => {
          s.q = text.slice(0, text.length - word.length).trim();
          toggle(s.filters[facet].include, entity.id, true);
          toggle(s.filters[facet].exclude, entity.id, false);
        }));
      });
      list.append(el('li', {}, button));
    }
    list.hidden = false;
  }, 200);
});

$('search-form').addEventListener('keydown', (event) => {
  const buttons = [...$('suggestions').querySelectorAll('button')];
  if ($('suggestions').hidden || !buttons.length) {
    return;
  }
  const at = buttons.indexOf(document.activeElement);
  if (event.key === 'ArrowDown') {
    event.preventDefault();
    buttons[Math.min(at + 1, buttons.length - 1)].focus();
  } else if (event.key === 'ArrowUp') {
    event.preventDefault();
    (at <= 0 ? $('q') : buttons[at - 1]).focus();
  } else if (event.key === 'Escape') {
    hideSuggestions();
    $('q').focus();
  }
});

document.addEventListener('click', (event) => {
  if (!$('search-form').contains(event.target)) {
    hideSuggestions();
  }
});

// ---- login ------------------------------------------------------------------------------------------------------

async function showSession() {
  const box = clear($('session'));
  let who = null;
  try {
    who = await session.current();
  } catch {
    who = null;
  }
  if (who?.username) {
    const logout = el('button', { type: 'button', class: 'link', id: 'logout' }, 'Log out');
    logout.addEventListener('click', async () => {
      await session.logout();
      location.reload();
    });
    box.append(el('span', { class: 'user' }, who.username), ' ', logout);
    showVersion();
    // Once edits are applied the counts changed: search again rather than reuse the last answer.
    enableCuration(who.role, () => {
      lastResult = null;
      render();
    });
  }
}

/** The server's version and build time in the footer (from /actuator/info; only once logged in). */
async function showVersion() {
  try {
    const info = await get('/actuator/info');
    const build = info?.build;
    if (build?.version) {
      $('build-version').textContent = build.version + (build.time ? ` (built ${build.time.slice(0, 10)})` : '');
    }
  } catch {
    // The footer simply shows no version.
  }
}

onLoginRequired(() => new Promise((resolve) => {
  const dialog = $('login-dialog');
  const form = $('login-form');
  const error = $('login-error');
  error.hidden = true;
  const submit = async (event) => {
    event.preventDefault();
    try {
      await session.login($('login-username').value, $('login-password').value);
      form.removeEventListener('submit', submit);
      $('login-password').value = '';
      dialog.close();
      showSession();
      resolve();
    } catch (e) {
      error.textContent = e.status === 401 ? 'Wrong user name or password.' : String(e.message);
      error.hidden = false;
    }
  };
  form.addEventListener('submit', submit);
  dialog.addEventListener('cancel', (event) => event.preventDefault()); // nothing works without logging in
  if (!dialog.open) {
    dialog.showModal();
  }
  $('login-username').focus();
}));

initCurationPanel();
showSession();
render();
