// The facet lists: checkboxes with counts (OR within a facet, AND across), exclusion, "more", search within a
// facet, and places as a collapsible country -> region -> city tree.

import { get } from './api.js';
import { valueMenu } from './curation.js';
import { clear, el, formatCount } from './dom.js';
import { searchParams, searchState, toggle } from './state.js';

export const FACET_TITLES = {
  person: 'People', group: 'Groups', place: 'Places', source: 'Sources', section: 'Sections', tag: 'Tags',
  label: 'Labels', language: 'Languages', country: 'Countries',
};
const SHOWN = ['person', 'group', 'place', 'source', 'section', 'tag', 'label', 'language'];
const PAGE = 10;

const CLOSED_KEY = 'clipfile.closedFacets';

/** The facets the reader has folded away: the search does not count them until one is opened again. */
function closedFacets() {
  try {
    return new Set(JSON.parse(localStorage.getItem(CLOSED_KEY) ?? '[]'));
  } catch {
    return new Set();
  }
}

function rememberClosed(facet, closed) {
  const all = closedFacets();
  if (closed) {
    all.add(facet);
  } else {
    all.delete(facet);
  }
  try {
    localStorage.setItem(CLOSED_KEY, JSON.stringify([...all]));
  } catch {
    // Storage refused (private mode): the facet is simply counted again next time.
  }
}

/** The `facets` parameter of a search: the open facets and the date histogram (the page shows no other). */
export function countedFacets() {
  const closed = closedFacets();
  return [...SHOWN.filter((f) => !closed.has(f)), 'date'].join(',');
}

/** value -> label of everything the page has seen, so chips can name selected values. */
export const labels = new Map();

export function rememberLabels(values) {
  for (const value of values ?? []) {
    if (value.label) {
      labels.set(value.value, value.label);
    }
    rememberLabels(value.children);
  }
}

export function labelOf(value) {
  return labels.get(value) ?? value;
}

export function entityFacet(id) {
  const prefix = id.split(':')[0];
  return ['person', 'group', 'place'].includes(prefix) ? prefix : null;
}

/**
 * Renders the facets of `result` for `state` into `container`. `navigate(state)` moves to a new search;
 * `entityUrl(id)` links a person, group or place to its page.
 */
export function renderFacets(container, result, state, { navigate, entityUrl }) {
  clear(container);
  for (const facet of SHOWN) {
    const counted = result.facets?.[facet];
    const counts = counted ?? { values: [], other: 0 };
    rememberLabels(counts.values);
    container.append(facetSection(facet, counts, state, navigate, entityUrl, counted !== undefined));
  }
}

function facetSection(facet, counts, state, navigate, entityUrl, counted = true) {
  const selection = state.filters[facet];
  const list = el('ul', { class: 'facet-values', 'data-facet': facet });
  const section = el('details', { class: 'facet', id: 'facet-' + facet, 'data-facet': facet, open: counted });
  const title = el('summary', {}, FACET_TITLES[facet]);
  section.append(title);
  section.addEventListener('toggle', async () => {
    rememberClosed(facet, !section.open);
    if (section.open && !counted) {
      // Folded when the search ran, so not counted: count it now, alone.
      const params = searchParams(state, { sort: false, page: false });
      params.set('facets', facet);
      params.set('size', '1');
      const result = await get('/api/search', params);
      const fresh = result.facets?.[facet] ?? { values: [], other: 0 };
      rememberLabels(fresh.values);
      section.replaceWith(facetSection(facet, fresh, state, navigate, entityUrl, true));
    }
  });
  const filterInput = el('input', {
    type: 'search', class: 'facet-filter', placeholder: 'Find ' + FACET_TITLES[facet].toLowerCase() + '…',
    'aria-label': 'Find in ' + FACET_TITLES[facet],
  });
  section.append(filterInput, list);
  const more = el('button', { type: 'button', class: 'more link', 'data-facet': facet }, 'More');
  section.append(more);

  const rowContext = { facet, state, navigate, entityUrl };
  const show = (values) => {
    clear(list);
    values.forEach((value) => list.append(row(value, rowContext, 0)));
    // Selected or excluded values the counts did not bring (beyond the top ones) still get a row to untick.
    const shown = new Set(flatten(values).map((v) => v.value));
    for (const value of [...selection.include, ...selection.exclude]) {
      if (!shown.has(value)) {
        list.append(row({ value, label: labelOf(value), count: null, children: [],
          selected: selection.include.includes(value), excluded: selection.exclude.includes(value) }, rowContext, 0));
      }
    }
    if (!list.children.length) {
      list.append(el('li', { class: 'none' }, 'None'));
    }
  };
  show(counts.values);

  let page = 1;
  let loaded = counts.values;
  more.hidden = !(counts.other > 0);
  more.addEventListener('click', async () => {
    page += 1;
    const params = searchParams(state, { sort: false, page: false });
    params.set('page', String(page));
    params.set('size', String(PAGE));
    const next = await get('/api/facets/' + facet, params);
    rememberLabels(next.values);
    const known = new Set(loaded.map((v) => v.value));
    loaded = loaded.concat(next.values.filter((v) => !known.has(v.value)));
    show(loaded);
    more.hidden = next.values.length < PAGE;
  });

  let timer = null;
  let asked = '';
  filterInput.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const text = filterInput.value.trim();
      asked = text;
      if (!text) {
        show(loaded);
        more.hidden = !(counts.other > 0) && page === 1;
        return;
      }
      const params = searchParams(state, { sort: false, page: false });
      params.set('contains', text);
      params.set('size', '20');
      const found = await get('/api/facets/' + facet, params);
      if (asked !== text) {
        return; // a newer search within the facet is under way
      }
      rememberLabels(found.values);
      show(found.values);
      more.hidden = true;
    }, 250);
  });
  return section;
}

function flatten(values) {
  return (values ?? []).flatMap((v) => [v, ...flatten(v.children)]);
}

function row(value, context, depth) {
  const { facet, state, navigate, entityUrl } = context;
  const selection = state.filters[facet];
  const selected = selection.include.includes(value.value);
  const excluded = selection.exclude.includes(value.value);
  const item = el('li', { class: 'facet-value' + (excluded ? ' excluded' : '') + (selected ? ' selected' : ''),
    'data-value': value.value });
  const line = el('div', { class: 'facet-line' });
  const children = value.children ?? [];
  let sublist = null;
  if (children.length) {
    const open = children.some((c) => flatten([c]).some((v) => selection.include.includes(v.value)
        || selection.exclude.includes(v.value)));
    sublist = el('ul', { class: 'facet-children', hidden: !open });
    children.forEach((child) => sublist.append(row(child, context, depth + 1)));
    const expander = el('button', { type: 'button', class: 'expander', 'aria-expanded': String(open),
      'aria-label': (open ? 'Collapse ' : 'Expand ') + value.label }, open ? '▾' : '▸');
    expander.addEventListener('click', () => {
      const nowOpen = sublist.hidden;
      sublist.hidden = !nowOpen;
      expander.setAttribute('aria-expanded', String(nowOpen));
      expander.setAttribute('aria-label', (nowOpen ? 'Collapse ' : 'Expand ') + value.label);
      expander.textContent = nowOpen ? '▾' : '▸';
    });
    line.append(expander);
  } else if (facet === 'place') {
    line.append(el('span', { class: 'expander-space' }));
  }
  const box = el('input', { type: 'checkbox', checked: selected, 'data-facet': facet, 'data-value': value.value });
  box.addEventListener('change', () => navigate(searchState(state, (s) => {
    toggle(s.filters[facet].include, value.value, box.checked);
    toggle(s.filters[facet].exclude, value.value, false);
  })));
  const label = el('label', { class: 'facet-label' }, box, el('span', { class: 'name' }, value.label ?? value.value));
  line.append(label);
  line.append(el('span', { class: 'count' }, value.count == null ? '' : formatCount(value.count)));
  const exclude = el('button', {
    type: 'button', class: 'exclude', 'aria-pressed': String(excluded),
    'aria-label': (excluded ? 'Stop excluding ' : 'Exclude ') + (value.label ?? value.value),
    title: excluded ? 'Stop excluding' : 'Exclude',
  }, '⊘');
  exclude.addEventListener('click', () => navigate(searchState(state, (s) => {
    toggle(s.filters[facet].exclude, value.value, !excluded);
    toggle(s.filters[facet].include, value.value, false);
  })));
  line.append(exclude);
  if (entityFacet(value.value) === facet) {
    line.append(el('a', { class: 'profile', href: entityUrl(value.value), 'data-nav': '',
      'aria-label': 'About ' + (value.label ?? value.value), title: 'About' }, 'i'));
  }
  if (facet === 'person' || facet === 'group' || facet === 'place') {
    line.append(valueMenu(facet, value));
  }
  item.append(line);
  if (sublist) {
    item.append(sublist);
  }
  return item;
}
