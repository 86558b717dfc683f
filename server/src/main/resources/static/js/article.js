// The article view: the full text as text, with people, groups and places marked; metadata; entity links; related.

import { get, optional, request } from './api.js';
import { clear, el, formatDate, highlighted } from './dom.js';
import { versionsSection } from './copies.js';

const TYPE_NAMES = { person: 'Person', group: 'Group', place: 'Place' };

/** Only web addresses become links; anything else (javascript:, data:) is shown as text. */
export function safeHref(url) {
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function entitiesOf(article) {
  const e = article.entities ?? {};
  return [
    ...(e.people ?? []).map((p) => ({ ...p, type: 'person' })),
    ...(e.groups ?? []).map((g) => ({ ...g, type: 'group' })),
    ...(e.places ?? []).map((p) => ({ ...p, type: 'place' })),
  ];
}

/**
 * Spans for a server without /api/articles/{id}/annotations: each entity's name found in the text (any letter
 * case, whole words), longest names first, never overlapping.
 */
export function findSpans(text, entities, field) {
  const taken = [];
  const spans = [];
  const sorted = [...entities].sort((a, b) => (b.name?.length ?? 0) - (a.name?.length ?? 0));
  const lower = text.toLowerCase();
  for (const entity of sorted) {
    const name = (entity.name ?? '').toLowerCase();
    if (name.length < 2) {
      continue;
    }
    let at = lower.indexOf(name);
    while (at >= 0) {
      const end = at + name.length;
      const wordStart = at === 0 || !/[\p{L}\p{N}]/u.test(lower[at - 1]);
      const wordEnd = end === lower.length || !/[\p{L}\p{N}]/u.test(lower[end]);
      if (wordStart && wordEnd && !taken.some(([s, e]) => at < e && end > s)) {
        taken.push([at, end]);
        spans.push({ field, start: at, end, type: entity.type, id: entity.id, name: entity.name });
      }
      at = lower.indexOf(name, at + 1);
    }
  }
  return spans;
}

/** Text nodes and entity links for `text` with `spans` (UTF-16 offsets; overlapping or out-of-range spans dropped). */
function markedText(text, spans, links) {
  const nodes = [];
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at || span.end > text.length || span.end <= span.start) {
      continue;
    }
    if (span.start > at) {
      nodes.push(document.createTextNode(text.slice(at, span.start)));
    }
    const type = TYPE_NAMES[span.type] ? span.type : 'other';
    nodes.push(el('a', {
      class: 'entity entity-' + type, href: links.entityUrl(span.id), 'data-nav': '', 'data-entity': span.id,
      title: (TYPE_NAMES[type] ?? 'Entity') + ': ' + (span.name ?? span.id),
    }, text.slice(span.start, span.end)));
    at = span.end;
  }
  if (at < text.length) {
    nodes.push(document.createTextNode(text.slice(at)));
  }
  return nodes;
}

/**
 * Renders article `id` into `container`. `links` = {filterUrl(id), entityUrl(id), articleUrl(id), backUrl}.
 */
export async function renderArticle(container, id, links) {
  clear(container);
  container.append(el('p', { class: 'loading' }, 'Loading…'));
  const [article, annotations, related, versions] = await Promise.all([
    get('/api/articles/' + encodeURIComponent(id)),
    optional('/api/articles/' + encodeURIComponent(id) + '/annotations'),
    optional('/api/articles/' + encodeURIComponent(id) + '/related', new URLSearchParams({ size: '5' })),
    versionsSection(id),
  ]);
  const entities = entitiesOf(article);
  // The server's annotations come as {title: [...], body: [...]} (or one {spans: [...]} list with a field each).
  const fromServer = annotations && (annotations.spans ?? [
    ...(annotations.title ?? []).map((s) => ({ ...s, field: 'title' })),
    ...(annotations.body ?? []).map((s) => ({ ...s, field: 'body' })),
  ]);
  const spans = fromServer ?? [...findSpans(article.title ?? '', entities, 'title'),
    ...findSpans(article.body ?? '', entities, 'body')];
  clear(container);
  document.title = (article.title ?? 'Article') + ' · Clipfile';

  const back = el('a', { href: links.backUrl, class: 'back', 'data-nav': '' }, '← Back to results');
  const title = el('h1', { id: 'article-title', class: 'article-title' },
      markedText(article.title ?? '', spans.filter((s) => s.field === 'title'), links));

  const meta = el('dl', { class: 'article-meta' });
  const addMeta = (name, ...value) => {
    if (value.some((v) => v !== null && v !== undefined && v !== '')) {
      meta.append(el('dt', {}, name), el('dd', {}, ...value));
    }
  };
  addMeta('Source', article.source ? el('a', { href: links.filterUrl('source', article.source), 'data-nav': '' },
      article.source) : '');
  addMeta('Byline', article.byline ?? '');
  addMeta('Published', article.published ? el('time', { datetime: article.published }, formatDate(article.published)) : '');
  addMeta('Section', article.section ?? '');
  addMeta('Language', article.language ?? '');
  if (article.url) {
    const href = safeHref(article.url);
    addMeta('URL', href ? el('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank', class: 'source-url' },
        article.url) : el('span', { class: 'source-url' }, article.url));
  }
  if (article.tags?.length) {
    addMeta('Tags', ...article.tags.map((t) => el('a', { href: links.filterUrl('tag', t), class: 'tag', 'data-nav': '' }, t)));
  }
  meta.append(...labelsRow(article, links));

  const legend = el('p', { class: 'legend' }, 'Marked: ',
      el('span', { class: 'entity entity-person' }, 'people'), ' ',
      el('span', { class: 'entity entity-group' }, 'groups'), ' ',
      el('span', { class: 'entity entity-place' }, 'places'));
  const body = el('div', { id: 'article-body', class: 'article-body' },
      markedText(article.body ?? '', spans.filter((s) => s.field === 'body'), links));

  const side = el('aside', { class: 'article-side' });
  for (const [type, heading] of [['person', 'People'], ['group', 'Groups'], ['place', 'Places']]) {
    const ofType = entities.filter((e) => e.type === type);
    if (!ofType.length) {
      continue;
    }
    side.append(el('h2', {}, heading), el('ul', { class: 'entity-list' }, ofType.map((e) => el('li', {},
        el('a', { href: links.filterUrl(type, e.id), class: 'entity-filter entity-' + type, 'data-nav': '',
          'data-entity': e.id, title: 'Search articles mentioning ' + e.name }, e.name),
        ' ',
        el('a', { href: links.entityUrl(e.id), class: 'profile', 'data-nav': '', 'aria-label': 'About ' + e.name,
          title: 'About' }, 'i')))));
  }
  side.append(el('h2', {}, 'Related articles'));
  if (related === null) {
    side.append(el('p', { class: 'hint' }, 'Related articles are not available on this server.'));
  } else if (!related.hits?.length) {
    side.append(el('p', { class: 'hint' }, 'None found.'));
  } else {
    side.append(el('ul', { class: 'related' }, related.hits.map((hit) => el('li', {},
        el('a', { href: links.articleUrl(hit.id), 'data-nav': '' }, highlighted(hit.title)),
        el('span', { class: 'meta' }, ' · ' + [formatDate(hit.published), hit.source].filter(Boolean).join(' · '))))));
  }

  container.append(back, el('article', { class: 'article' }, title, meta, versions, legend, body), side);
  return article;
}

/**
 * The editors' labels (apart from the source's tags): each a link filtering the search by it; editors (body.editor,
 * set once the session is known) also get a remove button per label and a field to add one.
 */
function labelsRow(article, links) {
  const list = el('span', { class: 'labels-list', id: 'article-labels' });
  const error = el('span', { class: 'label-error', role: 'alert' });
  const term = el('dt', { class: 'labels-term' }, 'Labels');
  const value = el('dd', { class: 'labels-value' });
  const show = (labels) => {
    clear(list);
    term.classList.toggle('empty', labels.length === 0);
    value.classList.toggle('empty', labels.length === 0);
    for (const label of labels) {
      const remove = el('button', { type: 'button', class: 'label-edit label-remove', 'data-label': label,
        'aria-label': 'Remove label ' + label, title: 'Remove label' }, '×');
      remove.addEventListener('click', () => change('DELETE', label));
      list.append(el('span', { class: 'label-item' },
          el('a', { href: links.filterUrl('label', label), class: 'label-chip', 'data-nav': '' }, label), remove), ' ');
    }
  };
  const change = async (method, label) => {
    error.textContent = '';
    try {
      const answer = await request(method, '/api/articles/' + encodeURIComponent(article.id) + '/labels/'
          + encodeURIComponent(label));
      article.labels = answer.labels;
      show(answer.labels);
      return true;
    } catch (e) {
      error.textContent = e.message;
      return false;
    }
  };
  const input = el('input', { type: 'text', id: 'label-input', class: 'label-edit', maxlength: 40,
    'aria-label': 'New label', placeholder: 'Add a label' });
  const add = el('form', { class: 'label-edit label-add' }, input,
      el('button', { type: 'submit', id: 'label-add' }, 'Add label'));
  add.addEventListener('submit', async (event) => {
    event.preventDefault();
    const label = input.value.trim();
    if (label && await change('PUT', label)) {
      input.value = '';
    }
  });
  value.append(list, add, error);
  show(article.labels ?? []);
  return [term, value];
}
