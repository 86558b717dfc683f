// Small DOM helpers. Article text only ever reaches the page as text nodes (textContent), never as HTML.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** el('a', {href: '/x', class: 'chip'}, 'text', otherNode): an element; strings become text nodes. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attributes);
  append(node, children);
  return node;
}

export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttributes(node, attributes);
  append(node, children);
  return node;
}

function setAttributes(node, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'style' || name.startsWith('on')) {
      throw new Error('no inline styles or handlers: ' + name); // the CSP forbids them; use CSS classes and listeners
    }
    node.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

let entityParser;

/** Decodes one character reference (&amp;eacute; &amp;#39; &amp;#x2F;) to its text; anything else stays as written. */
function decodeReference(reference) {
  const numeric = /^&#(x[0-9a-f]+|[0-9]+);$/i.exec(reference);
  if (numeric) {
    const code = numeric[1][0].toLowerCase() === 'x' ? parseInt(numeric[1].slice(1), 16) : parseInt(numeric[1], 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference;
  }
  // A named reference alone (letters and digits between & and ;) cannot contain markup: let the browser's
  // own table decode it, in an inert document that never runs script or loads anything.
  entityParser ??= new DOMParser();
  return entityParser.parseFromString(reference, 'text/html').body.textContent;
}

export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, decodeReference);
}

const ENTITY_TYPES = new Set(['person', 'group', 'place']);
const MARKUP = /(<mark>|<\/mark>|<span class="entity (?:person|group|place)" data-id="[^"<>]*">|<\/span>)/;

/**
 * Nodes for a highlighted title or snippet from the search API: HTML-escaped text in which only <mark> (the
 * query's matches) and, in `marked_snippet`, <span class="entity person|group|place" data-id="..."> are markup.
 * Those become elements built here; everything else becomes text nodes, so any other tag-like text shows literally.
 */
export function highlighted(escaped) {
  const root = document.createDocumentFragment();
  const stack = [root];
  const top = () => stack[stack.length - 1];
  for (const part of String(escaped ?? '').split(MARKUP)) {
    if (part === '<mark>') {
      const mark = document.createElement('mark');
      top().append(mark);
      stack.push(mark);
    } else if (part === '</mark>' || part === '</span>') {
      const tag = part === '</mark>' ? 'MARK' : 'SPAN';
      if (stack.length > 1 && top().tagName === tag) {
        stack.pop();
      }
    } else if (part.startsWith('<span class="entity ')) {
      const [, type, id] = /^<span class="entity (\w+)" data-id="([^"]*)">$/.exec(part);
      const span = document.createElement('span');
      span.className = 'entity entity-' + (ENTITY_TYPES.has(type) ? type : 'other');
      span.dataset.entity = decodeEntities(id);
      top().append(span);
      stack.push(span);
    } else if (part) {
      top().append(document.createTextNode(decodeEntities(part)));
    }
  }
  return [...root.childNodes];
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

export function formatDate(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateFormat.format(date);
}

export function formatCount(n) {
  return new Intl.NumberFormat().format(n);
}
