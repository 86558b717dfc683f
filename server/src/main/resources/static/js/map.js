// The map: Natural Earth country outlines (TopoJSON shipped with the server, decoded here) and the result's place
// clusters as circles sized by count. No tiles, nothing fetched from outside the server.

import { clear, formatCount, svg } from './dom.js';

let outlines = null; // [{name, rings: [[[lon, lat], ...], ...]}]

/** Decodes a TopoJSON topology's `countries` object into rings of [lon, lat] (quantized, delta-encoded arcs). */
export function decodeTopology(topology) {
  const [sx, sy] = topology.transform?.scale ?? [1, 1];
  const [tx, ty] = topology.transform?.translate ?? [0, 0];
  const arcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
  const ring = (indexes) => {
    const points = [];
    for (const index of indexes) {
      const arc = index >= 0 ? arcs[index] : arcs[~index].slice().reverse();
      // Consecutive arcs share their joining point.
      points.push(...(points.length ? arc.slice(1) : arc));
    }
    return points;
  };
  return topology.objects.countries.geometries.map((geometry) => {
    const polygons = geometry.type === 'Polygon' ? [geometry.arcs]
        : geometry.type === 'MultiPolygon' ? geometry.arcs : [];
    return { name: geometry.properties?.name ?? '', rings: polygons.flatMap((polygon) => polygon.map(ring)) };
  });
}

async function loadOutlines() {
  if (!outlines) {
    const response = await fetch('/map/countries-110m.json', { credentials: 'same-origin' });
    outlines = response.ok ? decodeTopology(await response.json()) : [];
  }
  return outlines;
}

/** West, south, east, north of a geotile grid cell "z/x/y" (Web Mercator tiles, as Elasticsearch uses). */
export function tileBounds(key) {
  const [z, x, y] = key.split('/').map(Number);
  const n = 2 ** z;
  const lon = (i) => (i / n) * 360 - 180;
  const lat = (j) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * j) / n))) * 180) / Math.PI;
  return [lon(x), lat(y + 1), lon(x + 1), lat(y)];
}

/** A zoom level that shows the cells' extent in a few tiles. */
export function zoomFor(cells) {
  if (cells.length < 2) {
    return cells.length ? 6 : 3;
  }
  const lons = cells.map((c) => c.lon);
  const lats = cells.map((c) => c.lat);
  const span = Math.max(Math.max(...lons) - Math.min(...lons), (Math.max(...lats) - Math.min(...lats)) * 2, 1);
  // Cells about a sixteenth of the span wide: clusters of a region, not of a continent.
  return Math.min(8, Math.max(3, Math.floor(Math.log2(360 / span)) + 3));
}

/**
 * Where to draw a cell: its centre of places, unless that lies outside the cell's own rectangle (a centroid taken
 * over every place of the articles rather than those inside the cell), then the middle of the rectangle.
 */
export function placed(cell) {
  let box = cell.bbox;
  if (!box && /^\d+\/\d+\/\d+$/.test(cell.key ?? '')) {
    const [west, south, east, north] = tileBounds(cell.key);
    box = { west, south, east, north };
  }
  const inside = box && cell.lat >= box.south && cell.lat <= box.north && cell.lon >= box.west && cell.lon <= box.east;
  if (!box || inside || box.west > box.east) {
    return cell;
  }
  return { ...cell, lat: (box.south + box.north) / 2, lon: (box.west + box.east) / 2 };
}

function view(cells) {
  if (!cells.length) {
    return { west: -180, east: 180, south: -60, north: 85 };
  }
  let west = Math.min(...cells.map((c) => c.lon));
  let east = Math.max(...cells.map((c) => c.lon));
  let south = Math.min(...cells.map((c) => c.lat));
  let north = Math.max(...cells.map((c) => c.lat));
  const minSpan = 24;
  const padLon = Math.max((minSpan - (east - west)) / 2, 0) + (east - west) * 0.15 + 3;
  const padLat = Math.max((minSpan / 2 - (north - south)) / 2, 0) + (north - south) * 0.15 + 3;
  west = Math.max(-180, west - padLon);
  east = Math.min(180, east + padLon);
  south = Math.max(-85, south - padLat);
  north = Math.min(85, north + padLat);
  return { west, east, south, north };
}

/**
 * Draws the outlines and `cells` ([{key, count, lat, lon, top: [{id, name, count}]}]) into the SVG element;
 * `onPick(cell)` when a circle is clicked or activated with the keyboard.
 */
export async function drawMap(element, given, onPick) {
  const countries = await loadOutlines();
  const cells = given.map(placed);
  clear(element);
  const box = view(cells);
  // Equirectangular, with longitudes shrunk by the cosine of the middle latitude so zoomed-in areas keep their shape.
  const k = Math.cos((((box.north + box.south) / 2) * Math.PI) / 180);
  const px = (lon) => lon * k;
  const py = (lat) => -lat;
  let width = (box.east - box.west) * k;
  let height = box.north - box.south;
  let x0 = px(box.west);
  let y0 = py(box.north);
  // Keep the element's 2:1 shape: widen or heighten the view around its centre.
  if (width < height * 2) {
    x0 -= (height * 2 - width) / 2;
    width = height * 2;
  } else {
    y0 -= (width / 2 - height) / 2;
    height = width / 2;
  }
  element.setAttribute('viewBox', `${x0} ${y0} ${width} ${height}`);
  element.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  element.append(svg('rect', { x: x0, y: y0, width, height, class: 'sea' }));
  const land = svg('g', { class: 'countries' });
  for (const country of countries) {
    const d = country.rings.map((ring) => 'M' + ring.map(([lon, lat]) =>
        px(lon).toFixed(2) + ' ' + py(lat).toFixed(2)).join('L') + 'Z').join('');
    land.append(svg('path', { d, class: 'country' }, svg('title', {}, country.name)));
  }
  element.append(land);
  if (!cells.length) {
    element.append(svg('text', { x: x0 + width / 2, y: y0 + height / 2, 'text-anchor': 'middle', class: 'empty',
      'font-size': height / 12 }, 'No places with known coordinates'));
    return;
  }
  const max = Math.max(...cells.map((c) => c.count), 1);
  const radius = width / 30;
  const group = svg('g', { class: 'clusters' });
  for (const cell of [...cells].sort((a, b) => b.count - a.count)) {
    const r = radius * (0.35 + 0.65 * Math.sqrt(cell.count / max));
    const names = (cell.top ?? []).map((t) => t.name).join(', ');
    const description = `${names || 'Places'}: ${formatCount(cell.count)} articles`;
    const node = svg('g', {
      class: 'cluster', tabindex: 0, role: 'button', 'aria-label': description, 'data-key': cell.key,
      'data-count': cell.count,
    },
    svg('title', {}, description),
    svg('circle', { cx: px(cell.lon), cy: py(cell.lat), r }),
    svg('text', { x: px(cell.lon), y: py(cell.lat), 'text-anchor': 'middle', 'dominant-baseline': 'central',
      'font-size': r * 0.9 }, formatCount(cell.count)));
    node.addEventListener('click', () => onPick(cell));
    node.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onPick(cell);
      }
    });
    group.append(node);
  }
  element.append(group);
}

/**
 * Clusters from the hits of one page, by country, for a server without /api/map: each country's circle sits at the
 * mean of the article places it holds.
 */
export function cellsFromHits(hits) {
  const byCountry = new Map();
  for (const hit of hits) {
    const seen = new Set();
    for (const place of hit.entities?.places ?? []) {
      if (place.lat == null || place.lon == null || place.guessed || !place.country_code) {
        continue;
      }
      const id = 'place:country:' + place.country_code;
      let cell = byCountry.get(id);
      if (!cell) {
        cell = { key: id, count: 0, lat: 0, lon: 0, points: 0, top: [{ id, name: place.country_name ?? place.country_code, count: 0 }] };
        byCountry.set(id, cell);
      }
      cell.lat += place.lat;
      cell.lon += place.lon;
      cell.points += 1;
      if (!seen.has(id)) {
        seen.add(id);
        cell.count += 1;
        cell.top[0].count += 1;
      }
    }
  }
  return [...byCountry.values()].map((c) => ({ ...c, lat: c.lat / c.points, lon: c.lon / c.points }));
}
