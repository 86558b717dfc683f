// The entity view: a person, group or place with its aliases, a timeline of mentions and what co-occurs with it.

import { get, optional } from './api.js';
import { entityCuration } from './curation.js';
import { clear, el, formatCount, formatDate, highlighted } from './dom.js';
import { entityFacet, labelOf, rememberLabels } from './facets.js';
import { drawHistogram } from './histogram.js';
import { searchParams } from './state.js';

const TYPE_TITLES = { person: 'Person', group: 'Group', place: 'Place' };
const CO_TITLES = { person: 'People', group: 'Groups', place: 'Places' };

/**
 * Renders entity `id` under the search `state` into `container`. `links` = {filterUrl(facet, value),
 * bothUrl(facet, value), articleUrl(id), entityUrl(id), backUrl, onRange(from, to)}.
 */
export async function renderEntity(container, id, state, links) {
  clear(container);
  container.append(el('p', { class: 'loading' }, 'Loading…'));
  const facet = entityFacet(id) ?? 'person';
  const params = searchParams(state, { sort: false, page: false });
  const withEntity = new URLSearchParams(params);
  withEntity.append(facet, id);
  withEntity.set('size', '5');
  withEntity.set('sort', 'newest');
  const [profile, search] = await Promise.all([
    optional('/api/entities/' + encodeURIComponent(id), params),
    get('/api/search', withEntity),
  ]);
  Object.values(search.facets ?? {}).forEach((f) => rememberLabels(f.values));
  clear(container);

  const name = profile?.name ?? labelOf(id);
  const type = profile?.type ?? facet;
  document.title = name + ' · Clipfile';
  const heading = el('h1', { id: 'entity-name' }, name);
  const kind = el('p', { class: 'entity-kind' }, el('span', { class: 'badge entity-' + type }, TYPE_TITLES[type] ?? type),
      profile?.place ? ' · ' + (profile.place.kind === 'country' || !profile.place.country_code ? profile.place.kind
        : profile.place.kind + ' in ' + countryName(profile.place.country_code)) : '',
      ' · ', formatCount(profile?.articles ?? search.total), ' articles',
      state.q || Object.values(state.filters).some((f) => f.include.length || f.exclude.length)
        ? ' under the current search' : '');
  const actions = el('p', { class: 'actions' },
      el('a', { class: 'button', href: links.filterUrl(facet, id), 'data-nav': '', id: 'entity-search' },
          'Search articles mentioning ' + name));

  const aliases = el('section', { class: 'aliases' }, el('h2', {}, 'Also written as'));
  const aliasList = profile?.aliases?.filter((a) => a && a !== name) ?? [];
  aliases.append(aliasList.length ? el('ul', { class: 'alias-list' }, aliasList.map((a) => el('li', {}, a)))
      : el('p', { class: 'hint' }, profile ? 'No other names known.' : 'Aliases are not available on this server.'));

  const timeline = el('section', { class: 'timeline' }, el('h2', {}, 'Mentions over time'));
  const chart = el('div', { class: 'chart' });
  timeline.append(chart);

  const co = el('section', { class: 'cooccurring' }, el('h2', {}, 'Appears with'));
  const grid = el('div', { class: 'co-grid' });
  for (const coType of ['person', 'group', 'place']) {
    let entries = profile?.cooccurring?.[coType];
    if (!entries) {
      entries = flattenTop(search.facets?.[coType]?.values ?? []).map((v) => ({ id: v.value, name: v.label, count: v.count }));
    }
    entries = entries.filter((e) => e.id !== id).slice(0, 10);
    grid.append(el('div', {}, el('h3', {}, CO_TITLES[coType]), entries.length
      ? el('ul', { class: 'co-list' }, entries.map((e) => el('li', {},
          el('a', { href: links.entityUrl(e.id), 'data-nav': '' }, e.name ?? labelOf(e.id)),
          el('span', { class: 'count' }, formatCount(e.count)),
          el('a', { href: links.bothUrl(facet, id, coType, e.id), class: 'both', 'data-nav': '',
            title: 'Articles with both' }, 'both'))))
      : el('p', { class: 'hint' }, 'None')));
  }
  co.append(grid);
  if (profile?.unusual?.length) {
    co.append(el('h3', {}, 'Unusually often with'), el('ul', { class: 'co-list' }, profile.unusual.slice(0, 10).map((e) =>
        el('li', {}, el('a', { href: links.entityUrl(e.id), 'data-nav': '' }, e.name), el('span', { class: 'count' },
            formatCount(e.count))))));
  }

  const latest = el('section', { class: 'latest' }, el('h2', {}, 'Latest articles'),
      el('ul', { class: 'related' }, search.hits.map((hit) => el('li', {},
          el('a', { href: links.articleUrl(hit.id), 'data-nav': '' }, highlighted(hit.title)),
          el('span', { class: 'meta' }, ' · ' + [formatDate(hit.published), hit.source].filter(Boolean).join(' · '))))));

  const page = el('div', { class: 'entity-page' }, heading, kind, actions, aliases, timeline, co, latest);
  container.append(el('a', { href: links.backUrl, class: 'back', 'data-nav': '' }, '← Back to results'), page);
  // Editors only: merge, split, rename, retype or remove this value.
  entityCuration(id, facet, name).then((section) => {
    if (section) {
      page.insertBefore(section, timeline);
    }
  });
  const svgChart = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svgChart.setAttribute('class', 'histogram');
  svgChart.setAttribute('role', 'img');
  svgChart.setAttribute('aria-label', 'Mentions of ' + name + ' over time');
  chart.append(svgChart);
  drawHistogram(svgChart, profile?.timeline ?? search.dates, null,
      (from, to) => links.onRange(facet, id, from, to));
}

function countryName(code) {
  const id = 'place:country:' + code;
  return labelOf(id) === id ? code : labelOf(id);
}

function flattenTop(values) {
  // For places the facet is a tree; the entity page lists its countries, regions and cities together.
  return values.flatMap((v) => [v, ...flattenTop(v.children ?? [])]).sort((a, b) => b.count - a.count);
}
