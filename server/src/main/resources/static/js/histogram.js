// The date histogram: bars drawn in SVG; dragging across them (or clicking one) picks a from/to range.

import { clear, formatCount, svg } from './dom.js';

const HEIGHT = 120;
const AXIS = 18;

function addInterval(date, interval) {
  const d = new Date(date.getTime());
  switch (interval) {
    case 'hour': d.setUTCHours(d.getUTCHours() + 1); break;
    case 'day': d.setUTCDate(d.getUTCDate() + 1); break;
    case 'week': d.setUTCDate(d.getUTCDate() + 7); break;
    case 'year': d.setUTCFullYear(d.getUTCFullYear() + 1); break;
    default: d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return d;
}

/** The buckets from the first to the last, with the empty ones between them that the API leaves out. */
export function filledBuckets(buckets, interval) {
  if (buckets.length < 2) {
    return buckets;
  }
  const counts = new Map(buckets.map((b) => [new Date(b.start).getTime(), b.count]));
  const last = new Date(buckets[buckets.length - 1].start).getTime();
  const filled = [];
  for (let at = new Date(buckets[0].start); at.getTime() <= last && filled.length < 2000; at = addInterval(at, interval)) {
    filled.push({ start: at.toISOString(), count: counts.get(at.getTime()) ?? 0 });
  }
  // Should the calendar arithmetic ever miss one of the API's buckets, show the API's own list instead.
  const total = (list) => list.reduce((sum, b) => sum + b.count, 0);
  return total(filled) === total(buckets) ? filled : buckets;
}

const dayOf = (date) => date.toISOString().slice(0, 10);

/**
 * The from/to parameters for buckets [first, last]: whole days (a date `to` includes its day), or date-times for an
 * hourly histogram.
 */
export function rangeOf(buckets, interval, first, last) {
  const start = new Date(buckets[first].start);
  const end = addInterval(new Date(buckets[last].start), interval);
  if (interval === 'hour') {
    return { from: start.toISOString(), to: end.toISOString() };
  }
  return { from: dayOf(start), to: dayOf(new Date(end.getTime() - 86_400_000)) };
}

function label(date, interval) {
  const options = { timeZone: 'UTC', year: 'numeric' };
  if (interval !== 'year') {
    options.month = 'short';
  }
  if (interval === 'day' || interval === 'week' || interval === 'hour') {
    options.day = 'numeric';
  }
  if (interval === 'hour') {
    options.hour = '2-digit';
  }
  return new Intl.DateTimeFormat(undefined, options).format(date);
}

/**
 * Draws `dates` ({interval, buckets}) into the SVG element. `selection` ({from, to}) is highlighted;
 * `onRange(from, to)` is called when the user picks a range (omit it for a read-only chart).
 */
export function drawHistogram(element, dates, selection, onRange) {
  clear(element);
  const interval = dates?.interval ?? 'month';
  const buckets = filledBuckets(dates?.buckets ?? [], interval);
  const width = Math.max(element.clientWidth || 600, 200);
  element.setAttribute('viewBox', `0 0 ${width} ${HEIGHT}`);
  element.setAttribute('preserveAspectRatio', 'none');
  if (!buckets.length) {
    element.append(svg('text', { x: width / 2, y: HEIGHT / 2, 'text-anchor': 'middle', class: 'empty' }, 'No dates'));
    return;
  }
  const max = Math.max(...buckets.map((b) => b.count), 1);
  const step = width / buckets.length;
  const gap = step > 6 ? Math.max(1, step - 48) : 0; // bars at most 48 px wide, however few buckets

  const plot = HEIGHT - AXIS;
  const from = selection?.from ? new Date(selection.from) : null;
  const to = selection?.to ? new Date(selection.to) : null;
  const bars = svg('g', { class: 'bars' });
  buckets.forEach((bucket, i) => {
    const start = new Date(bucket.start);
    const end = addInterval(start, interval);
    const h = bucket.count ? Math.max(2, (bucket.count / max) * (plot - 12)) : 0;
    const inRange = (from || to) && (!from || end > from) && (!to || start <= to);
    const bar = svg('rect', {
      x: i * step + gap / 2, y: plot - h, width: Math.max(step - gap, 1), height: h,
      class: 'bar' + (inRange ? ' selected' : ''), 'data-index': i, 'data-start': bucket.start,
      'data-count': bucket.count,
    }, svg('title', {}, `${label(start, interval)}: ${formatCount(bucket.count)} articles`));
    bars.append(bar);
    // A transparent full-height target so that thin or empty buckets can be picked too.
    bars.append(svg('rect', {
      x: i * step, y: 0, width: step, height: plot, class: 'bar-target', 'data-index': i,
    }));
  });
  element.append(bars);
  element.append(svg('line', { x1: 0, y1: plot + 0.5, x2: width, y2: plot + 0.5, class: 'axis' }));
  const ticks = buckets.length === 1 ? [0] : [0, Math.floor((buckets.length - 1) / 2), buckets.length - 1];
  for (const i of [...new Set(ticks)]) {
    const anchor = i === 0 ? 'start' : i === buckets.length - 1 ? 'end' : 'middle';
    const x = anchor === 'start' ? i * step : anchor === 'end' ? (i + 1) * step : (i + 0.5) * step;
    element.append(svg('text', { x, y: HEIGHT - 4, 'text-anchor': anchor, class: 'tick' },
        label(new Date(buckets[i].start), interval)));
  }
  element.append(svg('text', { x: 2, y: 10, class: 'tick' }, 'max ' + formatCount(max)));
  if (!onRange) {
    return;
  }
  const band = svg('rect', { x: 0, y: 0, width: 0, height: plot, class: 'drag-band', visibility: 'hidden' });
  element.append(band);
  const indexAt = (event) => {
    const box = element.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * width;
    return Math.min(buckets.length - 1, Math.max(0, Math.floor(x / step)));
  };
  let anchor = null;
  const show = (a, b) => {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    band.setAttribute('x', lo * step);
    band.setAttribute('width', (hi - lo + 1) * step);
    band.setAttribute('visibility', 'visible');
  };
  element.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) {
      return;
    }
    anchor = indexAt(event);
    element.setPointerCapture?.(event.pointerId);
    show(anchor, anchor);
    event.preventDefault();
  });
  element.addEventListener('pointermove', (event) => {
    if (anchor !== null) {
      show(anchor, indexAt(event));
    }
  });
  const finish = (event) => {
    if (anchor === null) {
      return;
    }
    const current = indexAt(event);
    const lo = Math.min(anchor, current);
    const hi = Math.max(anchor, current);
    anchor = null;
    band.setAttribute('visibility', 'hidden');
    const range = rangeOf(buckets, interval, lo, hi);
    onRange(range.from, range.to);
  };
  element.addEventListener('pointerup', finish);
  element.addEventListener('pointercancel', () => {
    anchor = null;
    band.setAttribute('visibility', 'hidden');
  });
}
