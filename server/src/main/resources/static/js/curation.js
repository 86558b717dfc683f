// Curation by editors: a menu on person and group facet values and a panel on the entity page to merge, split,
// rename, retype or remove a value; the list of edits with their undo; and the re-index that applies them to indexed
// articles, with its progress. Readers never see the controls (body.editor) and the API refuses them anyway.

import { ApiError, get, request } from './api.js';
import { clear, el, formatCount } from './dom.js';
import { labelOf, rememberLabels } from './facets.js';

const ACTION_TEXT = {
  merge: (e) => `${name(e.other)} merged into ${name(e.entity, e.entity_name)}`,
  split: (e) => `${name(e.other)} split from ${name(e.entity, e.entity_name)}`,
  rename: (e) => `${name(e.entity, e.entity_name)} renamed “${e.name}”`,
  retype: (e) => `${name(e.entity, e.entity_name)} made a ${e.type}`,
  not_entity: (e) => `${name(e.entity, e.entity_name)} marked as not an entity`,
};

let onApplied = () => {};
let watching = null;

function name(id, fallback) {
  const label = labelOf(id);
  return label !== id ? label : (fallback || id);
}

/** Shows the controls when the caller is an editor or admin; `applied()` re-runs the page once edits are applied. */
export function enableCuration(role, applied) {
  const editor = role === 'editor' || role === 'admin';
  document.body.classList.toggle('editor', editor);
  onApplied = applied;
  if (editor) {
    refreshStatus();
  }
}

function panel() {
  return document.getElementById('curation');
}

function say(text, isError = false) {
  const box = document.getElementById('curation-message');
  if (box) {
    box.textContent = text;
    box.classList.toggle('error', isError);
  }
}

async function edit(body) {
  try {
    const made = await request('POST', '/api/curation/edits', body);
    say(made.undone ? 'Undone: ' + ACTION_TEXT[made.action](made) : 'Done: ' + ACTION_TEXT[made.action](made)
        + '. Apply it to indexed articles with “Apply edits”.');
    await refreshStatus();
    return made;
  } catch (e) {
    say(e instanceof ApiError ? e.message : String(e), true);
    return null;
  }
}

export async function undo(id) {
  try {
    const undone = await request('DELETE', '/api/curation/edits/' + encodeURIComponent(id));
    say('Undone: ' + ACTION_TEXT[undone.action](undone) + '. Apply it with “Apply edits”.');
  } catch (e) {
    say(e instanceof ApiError ? e.message : String(e), true);
  }
  await refreshStatus();
}

/** The curation panel: edits not yet applied, the apply button, progress, and every edit with its undo. */
export async function refreshStatus() {
  const box = panel();
  if (!box || !document.body.classList.contains('editor')) {
    return;
  }
  box.hidden = false;
  let progress;
  let edits;
  try {
    [progress, edits] = await Promise.all([get('/api/curation/reindex'), get('/api/curation/edits')]);
  } catch (e) {
    return;
  }
  const status = document.getElementById('curation-status');
  const running = progress.reindex?.state === 'running';
  clear(status).append(running
    ? applying(progress.reindex)
    : progress.pending
      ? `${progress.pending} edit${progress.pending === 1 ? '' : 's'} not yet applied to indexed articles.`
      : 'All edits are applied.' + (progress.reindex?.state === 'failed' ? ' The last run failed: '
          + progress.reindex.error : ''));
  document.getElementById('curation-apply').disabled = running || !progress.pending;
  const list = clear(document.getElementById('curation-edits'));
  for (const e of edits.slice(0, 100)) {
    const undoButton = el('button', { type: 'button', class: 'link undo', 'data-edit': e.id }, 'Undo');
    undoButton.addEventListener('click', () => undo(e.id));
    list.append(el('li', { class: 'curation-edit' + (e.undone ? ' undone' : ''), 'data-edit': e.id },
        ACTION_TEXT[e.action]?.(e) ?? e.action, el('span', { class: 'meta' }, ' · ' + e.editor
          + (e.undone ? ' · undone by ' + e.undone_by : '')), e.undone ? '' : undoButton));
  }
  if (!edits.length) {
    list.append(el('li', { class: 'none' }, 'No edits yet'));
  }
  if (running) {
    watch();
  }
}

async function apply() {
  try {
    await request('POST', '/api/curation/reindex');
    say('Re-indexing to apply the edits…');
  } catch (e) {
    say(e instanceof ApiError ? e.message : String(e), true);
  }
  watch();
}

/** Polls the re-index until it ends, then refreshes the page's counts. */
/** The progress of the run applying the edits: a relink rewrites only the articles they change. */
function applying(run) {
  return run.mode === 'relink'
    ? `Applying edits: ${formatCount(run.examined)} articles read, ${formatCount(run.copied)} updated…`
    : `Applying edits: re-indexing, ${formatCount(run.copied)} articles copied…`;
}

function watch() {
  if (watching) {
    return;
  }
  watching = setInterval(async () => {
    let progress;
    try {
      progress = await get('/api/curation/reindex');
    } catch {
      return;
    }
    if (progress.reindex?.state !== 'running') {
      clearInterval(watching);
      watching = null;
      say(progress.reindex?.state === 'completed' ? 'Edits applied: counts are up to date.'
        : 'Applying the edits failed: ' + (progress.reindex?.error ?? 'unknown error'), progress.reindex?.state !== 'completed');
      await refreshStatus();
      onApplied();
    } else {
      const status = document.getElementById('curation-status');
      clear(status).append(applying(progress.reindex));
    }
  }, 500);
}

export function initCurationPanel() {
  const box = panel();
  if (!box) {
    return;
  }
  document.getElementById('curation-apply').addEventListener('click', apply);
}

/** A picker of another value of `facet`, by typing (`/api/facets/{facet}?contains=`); calls `chosen(value)`. */
function picker(facet, exclude, placeholder, chosen) {
  const input = el('input', { type: 'search', class: 'merge-target', placeholder, 'aria-label': placeholder });
  const options = el('ul', { class: 'merge-options' });
  let timer = null;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const text = input.value.trim();
      clear(options);
      if (!text) {
        return;
      }
      const found = await get('/api/facets/' + facet, new URLSearchParams({ contains: text, size: '10' }));
      rememberLabels(found.values);
      for (const value of found.values.filter((v) => v.value !== exclude)) {
        const option = el('button', { type: 'button', class: 'link merge-option', 'data-value': value.value },
            (value.label ?? value.value) + ' (' + formatCount(value.count) + ')');
        option.addEventListener('click', () => chosen(value));
        options.append(el('li', {}, option));
      }
      if (!options.children.length) {
        options.append(el('li', { class: 'none' }, 'No other value matches'));
      }
    }, 200);
  });
  return el('div', { class: 'merge-picker' }, input, options);
}

/** The ⋯ button of a person, group or place facet value, opening its curation menu (editors only, by CSS). */
export function valueMenu(facet, value) {
  const label = value.label ?? value.value;
  const button = el('button', { type: 'button', class: 'curate', 'aria-haspopup': 'true', 'aria-expanded': 'false',
    'aria-label': 'Curate ' + label, title: 'Curate' }, '⋯');
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    const line = button.closest('li');
    const open = line.querySelector(':scope > .curate-menu');
    if (open) {
      open.remove();
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    button.setAttribute('aria-expanded', 'true');
    line.append(menu(facet, value.value, label, () => {
      line.querySelector(':scope > .curate-menu')?.remove();
      button.setAttribute('aria-expanded', 'false');
    }));
  });
  return button;
}

function menu(facet, id, label, close) {
  const box = el('div', { class: 'curate-menu', role: 'group', 'aria-label': 'Curate ' + label });
  const area = el('div', { class: 'curate-area' });
  const mergeButton = el('button', { type: 'button', class: 'secondary curate-merge' }, 'Merge into…');
  mergeButton.addEventListener('click', () => {
    clear(area).append(picker(facet, id, 'Merge ' + label + ' into…', async (target) => {
      if (await edit({ action: 'merge', entity: target.value, other: id })) {
        close();
      }
    }));
    area.querySelector('input').focus();
  });
  const renameButton = el('button', { type: 'button', class: 'secondary curate-rename' }, 'Rename…');
  renameButton.addEventListener('click', async () => {
    const newName = window.prompt('New name for ' + label, label);
    if (newName && newName.trim() && newName.trim() !== label && await edit({ action: 'rename', entity: id,
      name: newName.trim() })) {
      close();
    }
  });
  const otherType = facet === 'person' ? 'group' : 'person';
  const retypeButton = el('button', { type: 'button', class: 'secondary curate-retype' }, 'Make a ' + otherType);
  retypeButton.addEventListener('click', async () => {
    if (await edit({ action: 'retype', entity: id, type: otherType })) {
      close();
    }
  });
  const removeButton = el('button', { type: 'button', class: 'secondary curate-remove' },
    facet === 'place' ? 'Not a place' : 'Not an entity');
  removeButton.addEventListener('click', async () => {
    if (await edit({ action: 'not_entity', entity: id })) {
      close();
    }
  });
  // A place comes from the gazetteer: it can be renamed or removed, not merged or made a person.
  box.append(el('div', { class: 'curate-actions' }, ...(facet === 'place' ? [renameButton, removeButton]
    : [mergeButton, renameButton, retypeButton, removeButton])), area);
  return box;
}

/** The entity page's curation section: the value's members (with a split each), its edits, and the menu. */
export async function entityCuration(id, facet, label) {
  const section = el('section', { class: 'entity-curation', id: 'entity-curation' }, el('h2', {}, 'Curation'));
  if (!document.body.classList.contains('editor') || facet === 'place') {
    return null;
  }
  let info;
  try {
    info = await get('/api/curation/entities/' + encodeURIComponent(id));
  } catch {
    return null;
  }
  const members = el('ul', { class: 'members' });
  for (const member of info.members) {
    const split = el('button', { type: 'button', class: 'link split', 'data-member': member.id }, 'Split');
    split.addEventListener('click', async () => {
      if (await edit({ action: 'split', entity: id, other: member.id })) {
        split.disabled = true;
        split.textContent = 'Split (apply edits to see it)';
      }
    });
    members.append(el('li', {}, name(member.id, member.name), el('span', { class: 'meta' }, ' · ' + member.reason),
        ' ', split));
  }
  section.append(el('h3', {}, 'Made of'), info.members.length ? members
    : el('p', { class: 'hint' }, 'No other value is linked to this one.'));
  const edits = el('ul', { class: 'entity-edits' });
  for (const e of info.edits) {
    const undoButton = el('button', { type: 'button', class: 'link undo', 'data-edit': e.id }, 'Undo');
    undoButton.addEventListener('click', async () => {
      await undo(e.id);
      undoButton.disabled = true;
    });
    edits.append(el('li', {}, ACTION_TEXT[e.action]?.(e) ?? e.action, ' ', undoButton));
  }
  if (info.edits.length) {
    section.append(el('h3', {}, 'Edits in force'), edits);
  }
  section.append(menu(facet, id, label, () => {}));
  return section;
}
