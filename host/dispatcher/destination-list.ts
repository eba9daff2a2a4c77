// Destination sets: parsed from Kamailio's list file format ("setid uri flags priority attrs"),
// from rows of the `dispatcher` table, or from inline config rows; then ordered as Kamailio
// orders a set (highest priority first; among equal priorities the later line first, which is
// what Kamailio's insert-then-reverse gives) and given their weight tables.
//
// Bounds: at most MAX_DESTINATIONS destinations in all, URIs of MAX_URI_BYTES, attrs of
// MAX_ATTRS_BYTES; a list past them is refused whole (a reload keeps the old one).
import { tryParseUri } from '../sip/uri.js';
import { isIP } from 'node:net';

export const MAX_DESTINATIONS = 4096;
export const MAX_URI_BYTES = 512;
export const MAX_ATTRS_BYTES = 1024;

// Kamailio's destination flag bits (dispatch.h)
export const DS_INACTIVE_DST = 1;
export const DS_TRYING_DST = 2;
export const DS_DISABLED_DST = 4;
export const DS_PROBING_DST = 8;
export const DS_NODNSARES_DST = 16;
export const DS_NOPING_DST = 32;
export const DS_STATES_ALL = 15;

/** ds_skip_dst: inactive or disabled destinations are never selected. */
export const skipDst = (flags: number): boolean => (flags & (DS_INACTIVE_DST | DS_DISABLED_DST)) !== 0;

export interface DestinationRow {
  setid: number;
  destination: string;
  flags?: number;
  priority?: number;
  attrs?: string;
}

export interface DsAttrs {
  body: string;
  duid: string;
  maxload: number;
  weight: number;
  rweight: number;
  socket: string;
  sockname: string;
  pingFrom: string;
  obproxy: string;
  cc: number;
}

export interface Destination {
  setid: number;
  uri: string;
  /** The flags the list gave (the state in force lives in the state table). */
  flags: number;
  priority: number;
  attrs: DsAttrs;
  host: string;
  /** IP literal of the host ('' for a name until resolved; names are resolved after loading). */
  ip: string;
  /** 0 when the URI has none. */
  port: number;
  /** The URI's transport ('' = none: Kamailio's PROTO_NONE). */
  proto: string;
}

export interface DestinationSet {
  id: number;
  dests: Destination[];
  /** Kamailio's 100-slot weight table (alg 9): destination indexes, mixed. Empty when the first has no weight. */
  wlist: number[];
}

export type DestinationSets = ReadonlyMap<number, DestinationSet>;

/** Parses "a=1;b=2" attributes as Kamailio's ds_set_attrs reads them (a trailing ';' dropped). */
export function parseAttrs(raw: string, attrsNone: boolean): { attrs: DsAttrs; warnings: string[] } {
  let body = raw === '' && attrsNone ? 'none=yes' : raw;
  if (body.endsWith(';')) body = body.slice(0, -1);
  const attrs: DsAttrs = { body, duid: '', maxload: 0, weight: 0, rweight: 0, socket: '', sockname: '', pingFrom: '', obproxy: '', cc: 0 };
  const warnings: string[] = [];
  if (body === '') return { attrs, warnings };
  for (const part of body.split(';')) {
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? '' : part.slice(eq + 1).trim();
    const int = /^[+-]?\d+$/.test(value) ? Number.parseInt(value, 10) : 0;
    switch (name) {
      case 'duid': attrs.duid = value; break;
      case 'maxload': attrs.maxload = int; break;
      case 'cc': attrs.cc = int; break;
      case 'socket': attrs.socket = value; break;
      case 'sockname': attrs.sockname = value; break;
      case 'ping_from': attrs.pingFrom = value; break;
      case 'obproxy': attrs.obproxy = value; break;
      case 'weight':
      case 'rweight':
        if (int >= 1 && int <= 100) attrs[name] = int;
        else warnings.push(`${name} ${int} not in 1-100 range - ignoring`);
        break;
      default: break;
    }
  }
  return { attrs, warnings };
}

/** One list file line, as Kamailio's ds_load_list reads it; null for a blank or comment line. */
export function parseListLine(line: string): DestinationRow | null | string {
  const text = line.trim();
  if (text === '' || text.startsWith('#')) return null;
  const m = /^(\d*)[ \t]*([^ \t#]*)[ \t]*(?:(\d*)[ \t]*(?:(\d*)[ \t]*([^ \t]*))?)?/.exec(text);
  if (!m || m[2] === '') return `a line "setid uri [flags [priority [attrs]]]", got "${text.slice(0, 80)}"`;
  return {
    setid: Number(m[1] || '0'), destination: m[2]!,
    flags: Number(m[3] || '0'), priority: Number(m[4] || '0'), attrs: m[5]?.startsWith('#') ? '' : (m[5] ?? ''),
  };
}

export function parseListFile(text: string): { rows: DestinationRow[]; errors: string[] } {
  const rows: DestinationRow[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const r = parseListLine(line);
    if (typeof r === 'string') errors.push(`line ${i + 1}: ${r}`);
    else if (r) rows.push(r);
  });
  return { rows, errors };
}

/** A destination from a row (pack_dest): the URI gets "sip:" when it has no scheme. */
export function packDestination(row: DestinationRow, attrsNone: boolean): Destination | string {
  let uri = row.destination.trim();
  if (Buffer.byteLength(uri) > MAX_URI_BYTES) return `a URI of at most ${MAX_URI_BYTES} bytes, got ${Buffer.byteLength(uri)}`;
  let parsed = tryParseUri(uri);
  if ((!parsed || parsed.scheme === 'tel') && !/^sips?:/i.test(uri)) {
    parsed = tryParseUri(`sip:${uri}`);
    if (parsed) uri = `sip:${uri}`;
  }
  if (!parsed || parsed.scheme === 'tel' || parsed.host === '') return `a SIP URI, got "${uri.slice(0, 80)}"`;
  const attrsText = row.attrs ?? '';
  if (Buffer.byteLength(attrsText) > MAX_ATTRS_BYTES) return `attrs of at most ${MAX_ATTRS_BYTES} bytes, got ${Buffer.byteLength(attrsText)}`;
  const { attrs } = parseAttrs(attrsText, attrsNone);
  const host = parsed.host;
  const ip = isIP(host) ? host : host.toLowerCase() === 'localhost' ? '127.0.0.1' : '';
  return {
    setid: row.setid, uri, flags: (row.flags ?? 0) | 0, priority: (row.priority ?? 0) | 0, attrs,
    host, ip, port: parsed.port, proto: (parsed.params.get('transport') ?? '').toLowerCase(),
  };
}

/** A 100-slot table filled by weight and mixed with a fixed seed (same in every worker). */
function weightTable(dests: readonly Destination[], weightOf: (d: Destination, i: number) => number, seed: number): number[] {
  const table: number[] = [];
  let last = dests.length - 1;
  for (let j = 0; j < dests.length && table.length < 100; j++) {
    const w = weightOf(dests[j]!, j);
    for (let k = 0; k < w && table.length < 100; k++) table.push(j);
    if (w > 0) last = j;
  }
  while (table.length < 100) table.push(last);
  return shuffle(table, seed);
}

/** Fisher-Yates with a small LCG: every worker mixes a set's table the same way. */
export function shuffle(arr: number[], seed: number): number[] {
  let s = (seed * 2654435761) >>> 0 || 1;
  for (let j = 0; j < arr.length; j++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const k = j + (s % (arr.length - j));
    [arr[j], arr[k]] = [arr[k]!, arr[j]!];
  }
  return arr;
}

/** Kamailio's weight table (dp_init_weights): none when the first destination has no weight. */
export function weightList(dests: readonly Destination[], setid: number): number[] {
  if (dests.length === 0 || dests[0]!.attrs.weight === 0) return [];
  // the sum past 100 is cut; a sum under 100 is filled with the last destination
  const table: number[] = [];
  for (let j = 0; j < dests.length; j++) for (let k = 0; k < dests[j]!.attrs.weight && table.length < 100; k++) table.push(j);
  while (table.length < 100) table.push(dests.length - 1);
  return shuffle(table, setid);
}

/**
 * Kamailio's relative weight table (dp_init_relative_weights) for the destinations in force:
 * each active one gets rweight*100/sum slots; the remainder goes to the last one filled.
 */
export function relativeWeightList(dests: readonly Destination[], flagsOf: (i: number) => number, setid: number): number[] {
  if (dests.length < 2) return [];
  let sum = 0;
  dests.forEach((d, i) => { if (!skipDst(flagsOf(i))) sum += d.attrs.rweight; });
  if (sum === 0) return [];
  return weightTable(dests, (d, i) => (skipDst(flagsOf(i)) ? 0 : Math.trunc((d.attrs.rweight * 100) / sum)), setid);
}

/** Rows → sets, ordered as Kamailio orders them; errors name the row. */
export function buildSets(rows: readonly DestinationRow[], opts: { attrsNone: boolean; strict: boolean }): { sets: Map<number, DestinationSet>; errors: string[] } {
  const errors: string[] = [];
  if (rows.length > MAX_DESTINATIONS) return { sets: new Map(), errors: [`at most ${MAX_DESTINATIONS} destinations, got ${rows.length}`] };
  const bySet = new Map<number, Destination[]>();
  rows.forEach((row, i) => {
    if (!Number.isInteger(row.setid) || row.setid < 0) {
      errors.push(`row ${i}: a setid >= 0, got ${String(row.setid)}`);
      return;
    }
    const d = packDestination(row, opts.attrsNone);
    if (typeof d === 'string') {
      errors.push(`row ${i} (set ${row.setid}): ${d}`);
      return;
    }
    const list = bySet.get(row.setid) ?? [];
    list.push(d);
    bySet.set(row.setid, list);
  });
  const sets = new Map<number, DestinationSet>();
  for (const id of [...bySet.keys()].sort((a, b) => a - b)) {
    // stable sort by priority, then reversed: highest first, later lines first among equals
    const dests = bySet.get(id)!.map((d, i) => ({ d, i })).sort((a, b) => a.d.priority - b.d.priority || a.i - b.i).map((x) => x.d).reverse();
    sets.set(id, { id, dests, wlist: weightList(dests, id) });
  }
  return { sets, errors };
}
