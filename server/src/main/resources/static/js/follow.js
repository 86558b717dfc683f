// Following a story from the page: save the current search and copy its feed address, see the saved searches with
// their new matches ("new since you last looked"), and check a pasted list of names (batch search).
import { ApiError, get, request } from './api.js';
import { clear, el } from './dom.js';

const $ = (id) => document.getElementById(id);

/** The current search as the page's URL holds it, without what only concerns the view. */
function currentQuery() {
  const params = new URLSearchParams(location.search);
  for (const name of ['article', 'entity', 'page', 'size', 'cursor']) {
    params.delete(name);
  }
  return params.toString();
}

function say(text, isError = false) {
  const status = $('follow-status');
  status.textContent = text;
  status.classList.toggle('error', isError);
}

async function saveSearch() {
  const query = currentQuery();
  const name = window.prompt('Name of this saved search', new URLSearchParams(query).get('q') || 'My search');
  if (!name) {
    return;
  }
  try {
    const saved = await request('POST', '/api/saved-searches', { name, query });
    const feed = el('input', { type: 'text', readonly: true, class: 'feed-address', id: 'feed-address',
      value: saved.feed_subscription, 'aria-label': 'Feed address' });
    const copy = el('button', { type: 'button', class: 'secondary', id: 'copy-feed' }, 'Copy feed address');
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(feed.value);
        say('Feed address copied. It holds a secret token: share it only with who may read the feed.');
      } catch {
        feed.select();
        say('Select and copy the address above.');
      }
    });
    clear($('follow-feed')).append(feed, ' ', copy);
    say('Saved "' + saved.name + '". New articles matching it appear in its feed.');
    listSaved();
  } catch (e) {
    say(e instanceof ApiError ? e.message : String(e), true);
  }
}

let savedAsked = 0;

async function listSaved() {
  const asked = ++savedAsked;
  let saved;
  try {
    saved = await get('/api/saved-searches');
  } catch (e) {
    return; // not logged in yet: the page asks, and the list comes with the next search
  }
  if (asked !== savedAsked) {
    return; // a later call draws the list
  }
  const list = clear($('saved-list'));
  const fresh = saved.reduce((sum, s) => sum + (s.new_count || 0), 0);
  $('saved-summary').textContent = 'Saved searches' + (fresh ? ' (' + fresh + ' new)' : '');
  for (const s of saved) {
    const link = el('a', { href: '/?' + s.query, class: 'saved-search', 'data-id': s.id }, s.name);
    link.addEventListener('click', () => {
      // Opening it counts as looking: the server resets its new matches.
      request('GET', '/api/saved-searches/' + encodeURIComponent(s.id)).catch(() => {});
    });
    list.append(el('li', {}, link, s.new_count ? el('span', { class: 'badge', title: 'new since you last looked' },
        String(s.new_count)) : null, s.webhook?.failures ? el('span', { class: 'error' },
        ' webhook failing: ' + (s.webhook.last_error || '')) : null));
  }
}

async function batchSearch(event) {
  event.preventDefault();
  const names = $('batch-names').value.split('\n').map((n) => n.trim()).filter((n) => n);
  const results = clear($('batch-results'));
  if (!names.length) {
    return;
  }
  try {
    let batch = await request('POST', '/api/batch-searches', { names, query: currentQuery() });
    const progress = el('p', { id: 'batch-progress' });
    results.append(progress);
    while (batch.status === 'queued' || batch.status === 'running') {
      progress.textContent = batch.names_done + ' of ' + batch.names_total + ' names checked';
      await new Promise((resolve) => setTimeout(resolve, 700));
      batch = (await get('/api/batch-searches/' + encodeURIComponent(batch.id) + '?size=1')).batch;
    }
    const page = await get('/api/batch-searches/' + encodeURIComponent(batch.id) + '?size=1000');
    progress.textContent = page.batch.status === 'completed'
      ? page.batch.names_found + ' of ' + page.batch.names_total + ' names found' : 'Failed: ' + page.batch.error;
    const table = el('table', { class: 'batch-table' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Name'), el('th', {}, 'Articles'), el('th', {}, 'Entities'))));
    const body = el('tbody');
    for (const r of page.results) {
      const search = new URLSearchParams(currentQuery());
      search.set('q', '"' + r.name.replaceAll('"', ' ') + '"');
      body.append(el('tr', {}, el('td', {}, el('a', { href: '/?' + search.toString() }, r.name)),
          el('td', {}, String(r.count)), el('td', {}, r.entities.map((e) => e.name || e.id).join(', '))));
    }
    table.append(body);
    results.append(table, el('a', { href: '/api/batch-searches/' + encodeURIComponent(batch.id) + '.csv',
      class: 'button secondary', download: true }, 'Download CSV'));
  } catch (e) {
    results.append(el('p', { class: 'error' }, e instanceof ApiError ? e.message : String(e)));
  }
}

// ---- collections: a star and "add to a collection" on each result, and the collections with their notes ----

async function addToCollection(articleId) {
  const name = window.prompt('Add to which collection? (a new name makes a new collection, shared with the desk)');
  if (!name) {
    return;
  }
  const note = window.prompt('A note on this article (optional)') ?? '';
  try {
    const existing = (await get('/api/collections')).find((c) => c.name === name && c.kind !== 'starred');
    const collection = existing ?? await request('POST', '/api/collections', { name, private: false });
    await request('PUT', '/api/collections/' + encodeURIComponent(collection.id) + '/articles/'
        + encodeURIComponent(articleId), { note });
    say('Added to "' + collection.name + '".');
    listCollections();
  } catch (e) {
    say(e instanceof ApiError ? e.message : String(e), true);
  }
}

function decorate(hit) {
  if (hit.querySelector('.follow-actions')) {
    return;
  }
  const id = hit.getAttribute('data-id');
  const star = el('button', { type: 'button', class: 'link star', title: 'Star this article' }, '☆ Star');
  star.addEventListener('click', async () => {
    try {
      await request('PUT', '/api/collections/starred/articles/' + encodeURIComponent(id));
      star.textContent = '★ Starred';
      listCollections();
    } catch (e) {
      say(e instanceof ApiError ? e.message : String(e), true);
    }
  });
  const add = el('button', { type: 'button', class: 'link add-to-collection' }, '+ Collection');
  add.addEventListener('click', () => addToCollection(id));
  hit.append(el('p', { class: 'follow-actions' }, star, ' ', add));
}

/** The collection's name for the page's filter chip ("Collection: Lighthouse desk"), kept for this tab. */
function rememberCollectionName(collection) {
  try {
    sessionStorage.setItem('clipfile.collection.' + collection.id, collection.name);
  } catch {
    // storage refused (private mode): the chip says "Collection" alone
  }
}

async function showCollection(collection, target) {
  const path = '/api/collections/' + encodeURIComponent(collection.id);
  const page = await get(path + '?size=100');
  const within = el('a', { href: '/?collection=' + encodeURIComponent(collection.id), class: 'search-collection' },
      'Search in this collection');
  within.addEventListener('click', () => rememberCollectionName(collection));
  const items = page.articles.map((a) => {
    const articlePath = path + '/articles/' + encodeURIComponent(a.id);
    const note = el('span', { class: 'note' }, a.note ? ' — ' + a.note : '');
    const edit = el('button', { type: 'button', class: 'link edit-note' }, 'Edit note');
    edit.addEventListener('click', async () => {
      const text = window.prompt('Note on this article', a.note ?? '');
      if (text === null) {
        return;
      }
      try {
        await request('PUT', articlePath, { note: text });
        a.note = text;
        note.textContent = text ? ' — ' + text : '';
        say('Note saved.');
      } catch (e) {
        say(e instanceof ApiError ? e.message : String(e), true);
      }
    });
    const remove = el('button', { type: 'button', class: 'link remove-from-collection' }, 'Remove');
    remove.addEventListener('click', async () => {
      try {
        await request('DELETE', articlePath);
        say('Removed from "' + collection.name + '".');
        listCollections();
      } catch (e) {
        say(e instanceof ApiError ? e.message : String(e), true);
      }
    });
    return el('li', {}, el('a', { href: '/?article=' + encodeURIComponent(a.id) }, a.title ?? a.id), note, ' ',
        edit, ' ', remove);
  });
  clear(target).append(el('li', {}, within), ...items);
}

let collectionsAsked = 0;

async function listCollections() {
  const asked = ++collectionsAsked;
  let collections;
  try {
    collections = await get('/api/collections');
  } catch {
    return;
  }
  if (asked !== collectionsAsked) {
    return; // a later call draws the list: an earlier answer may miss what was added since
  }
  const list = clear($('collection-list'));
  for (const c of collections) {
    const articles = el('ul', { class: 'collection-articles' });
    const open = el('button', { type: 'button', class: 'link collection-name', 'data-id': c.id },
        c.name + ' (' + (c.size ?? 0) + ')' + (c.private ? ' · private' : ''));
    open.addEventListener('click', () => showCollection(c, articles).catch((e) => say(String(e.message), true)));
    list.append(el('li', {}, open, articles));
  }
}

new MutationObserver(() => document.querySelectorAll('#results li.hit').forEach(decorate))
    .observe($('results'), { childList: true, subtree: false });
$('collections-details').addEventListener('toggle', () => {
  if ($('collections-details').open) {
    listCollections();
  }
});

$('save-search').addEventListener('click', saveSearch);
$('saved-details').addEventListener('toggle', () => {
  if ($('saved-details').open) {
    listSaved();
  }
});
$('batch-form').addEventListener('submit', batchSearch);
listSaved();
