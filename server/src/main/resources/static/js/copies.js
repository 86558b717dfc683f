// One story, many copies: a collapsed hit's copies (GET /api/articles/{id}/copies) and an article's earlier
// versions (GET /api/articles/{id}/versions), with their word-level differences. Text only ever as text nodes.

import { get, optional } from './api.js';
import { clear, el, formatCount, formatDate } from './dom.js';

/** The removed and added words of a difference, as <del>/<ins> runs; "n more" when not all are shown. */
function changesList(difference) {
  const list = el('ul', { class: 'changes' });
  for (const change of difference?.changes ?? []) {
    list.append(el('li', {},
        change.removed ? el('del', {}, change.removed) : null,
        change.removed && change.added ? ' → ' : null,
        change.added ? el('ins', {}, change.added) : null));
  }
  if (difference && !difference.complete) {
    list.append(el('li', { class: 'hint' }, 'The texts differ in too many words to show them all.'));
  }
  return list;
}

function wordsChanged(difference) {
  if (!difference) {
    return '';
  }
  const removed = difference.words_removed ?? 0;
  const added = difference.words_added ?? 0;
  return removed === 0 && added === 0 ? 'same words'
    : `${formatCount(removed)} word${removed === 1 ? '' : 's'} removed, ${formatCount(added)} added`;
}

/**
 * The "n copies" button of a collapsed hit: expands into the story's other articles (source, date, what differs)
 * under the hit, and collapses again. Null when the hit stands alone.
 */
export function copiesToggle(hit, links) {
  const count = hit.copies ?? 0;
  if (count < 1) {
    return null;
  }
  const panelId = 'copies-of-' + hit.id.replace(/[^A-Za-z0-9_-]/g, '_');
  const sources = (hit.copy_sources ?? []).filter(Boolean);
  const button = el('button', { type: 'button', class: 'copies-toggle', 'aria-expanded': 'false',
    'aria-controls': panelId, 'data-copies': hit.id },
  `${formatCount(count)} cop${count === 1 ? 'y' : 'ies'}` + (sources.length ? ' · ' + sources.join(', ') : ''));
  const panel = el('div', { id: panelId, class: 'copies-panel', hidden: true });
  let loaded = false;
  button.addEventListener('click', async () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    if (!open || loaded) {
      return;
    }
    panel.replaceChildren(el('p', { class: 'loading' }, 'Loading copies…'));
    try {
      const copies = await get('/api/articles/' + encodeURIComponent(hit.id) + '/copies');
      loaded = true;
      clear(panel);
      panel.append(el('ul', { class: 'copies' }, (copies.copies ?? []).map((copy) => el('li', { class: 'copy',
        'data-id': copy.id },
      el('a', { href: links.articleUrl(copy.id), 'data-nav': '' }, copy.title ?? copy.id),
      el('span', { class: 'meta' }, ' · ' + [copy.source, formatDate(copy.published),
        copy.leader ? 'first published' : null, wordsChanged(copy.difference)].filter(Boolean).join(' · '))))));
      if ((copies.total ?? 0) - 1 > (copies.copies ?? []).length) {
        panel.append(el('p', { class: 'hint' }, `Showing ${formatCount(copies.copies.length)} of `
            + `${formatCount(copies.total - 1)} copies.`));
      }
    } catch (error) {
      panel.replaceChildren(el('p', { class: 'error' }, 'Could not load the copies: ' + error.message));
    }
  });
  return [button, panel];
}

/**
 * "Updated n times" for the article view, opening into each earlier version (newest first) with what changed in
 * the text that replaced it. Null when the text never changed or the server keeps no versions.
 */
export async function versionsSection(id) {
  // The versions are extra: the article shows without them when they cannot be read.
  const history = await optional('/api/articles/' + encodeURIComponent(id) + '/versions').catch(() => null);
  if (!history || !history.updates) {
    return null;
  }
  const n = history.updates;
  const section = el('details', { class: 'versions', id: 'article-versions' },
      el('summary', {}, `Updated ${formatCount(n)} time${n === 1 ? '' : 's'}`));
  if (history.dropped) {
    section.append(el('p', { class: 'hint' }, `${formatCount(history.dropped)} intermediate version`
        + `${history.dropped === 1 ? ' is' : 's are'} no longer kept.`));
  }
  for (const version of history.versions ?? []) {
    section.append(el('section', { class: 'version', 'data-sequence': version.sequence },
        el('h3', {}, `Version ${version.sequence}`),
        el('p', { class: 'meta' }, [version.ingested_at ? 'received ' + formatDate(version.ingested_at) : null,
          'replaced ' + formatDate(version.superseded_at), wordsChanged(version.difference)].filter(Boolean).join(' · ')),
        version.title_changed ? el('p', { class: 'title-change' }, 'Title: ', el('del', {}, version.title), ' → ',
            el('ins', {}, version.next_title)) : null,
        changesList(version.difference)));
  }
  return section;
}
