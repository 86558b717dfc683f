// The whole page state lives in the URL's query string, so a search can be bookmarked, shared and gone back to.

export const FACETS = ['person', 'group', 'place', 'country', 'source', 'section', 'tag', 'label', 'language'];
export const SORTS = ['relevance', 'newest', 'oldest'];
export const PAGE_SIZE = 20;

export function emptyState() {
  const filters = {};
  for (const facet of FACETS) {
    filters[facet] = { include: [], exclude: [] };
  }
  return { q: '', sort: 'relevance', page: 1, size: PAGE_SIZE, from: '', to: '', bbox: '', filters, article: '', entity: '',
    count: 'articles', collection: '' };
}

export function parseState(search) {
  const params = new URLSearchParams(search);
  const state = emptyState();
  state.q = params.get('q') ?? '';
  state.sort = SORTS.includes(params.get('sort')) ? params.get('sort') : 'relevance';
  const page = parseInt(params.get('page') ?? '1', 10);
  state.page = Number.isFinite(page) && page >= 1 ? page : 1;
  const size = parseInt(params.get('size') ?? String(PAGE_SIZE), 10);
  state.size = Number.isFinite(size) && size >= 1 && size <= 100 ? size : PAGE_SIZE;
  state.from = params.get('from') ?? '';
  state.to = params.get('to') ?? '';
  state.bbox = params.get('bbox') ?? '';
  state.collection = params.get('collection') ?? ''; // only the articles of one collection
  state.article = params.get('article') ?? '';
  state.entity = params.get('entity') ?? '';
  state.count = params.get('count') === 'stories' ? 'stories' : 'articles'; // what the facets count
  for (const facet of FACETS) {
    state.filters[facet].include = unique(params.getAll(facet));
    state.filters[facet].exclude = unique(params.getAll('-' + facet));
  }
  return state;
}

function unique(values) {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v))];
}

/** The search parameters of the API (q, filters, dates, bbox; with sort, and page and size, when asked). */
export function searchParams(state, { sort = true, page = true } = {}) {
  const params = new URLSearchParams();
  if (state.q) {
    params.set('q', state.q);
  }
  for (const facet of FACETS) {
    state.filters[facet].include.forEach((v) => params.append(facet, v));
    state.filters[facet].exclude.forEach((v) => params.append('-' + facet, v));
  }
  if (state.from) {
    params.set('from', state.from);
  }
  if (state.to) {
    params.set('to', state.to);
  }
  if (state.bbox) {
    params.set('bbox', state.bbox);
  }
  if (state.collection) {
    params.set('collection', state.collection);
  }
  if (state.count === 'stories') {
    params.set('count', 'stories');
  }
  if (sort && state.sort !== 'relevance') {
    params.set('sort', state.sort);
  }
  if (page && state.page > 1) {
    params.set('page', String(state.page));
  }
  if (page && state.size !== PAGE_SIZE) {
    params.set('size', String(state.size)); // results per page; never sent where size means something else
  }
  return params;
}

/** The page's own URL for a state. */
export function stateUrl(state) {
  const params = searchParams(state);
  if (state.article) {
    params.set('article', state.article);
  }
  if (state.entity) {
    params.set('entity', state.entity);
  }
  const query = params.toString();
  return location.pathname + (query ? '?' + query : '');
}

export function copyState(state) {
  return structuredClone(state);
}

export function hasFilters(state) {
  return Boolean(state.from || state.to || state.bbox || state.collection
      || FACETS.some((f) => state.filters[f].include.length || state.filters[f].exclude.length));
}

/** A new search state: same query and filters, back to page 1, no article or entity open. */
export function searchState(state, change) {
  const next = copyState(state);
  next.page = 1;
  next.article = '';
  next.entity = '';
  change?.(next);
  return next;
}

export function toggle(list, value, on) {
  const index = list.indexOf(value);
  if (on && index < 0) {
    list.push(value);
  } else if (!on && index >= 0) {
    list.splice(index, 1);
  }
}
