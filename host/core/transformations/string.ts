// The {s.*} class (Kamailio pv_trans.c tr_eval_string): string operations on bytes. Results
// follow Kamailio's: {s.len}/{s.int}/{s.count} give ints, {s.tolower}/{s.toupper} of an int keep
// it an int, everything else is a string; a bad parameter or an out-of-range offset fails (null).
import { createHash } from 'node:crypto';
import { asText, intParam, strParam, type TrDefinition, type TrValue } from './types.js';
import { onBytes, toBytes } from './bytes.js';

const WS = ' \t\r\n';
const isWs = (c: string): boolean => WS.includes(c);

/** Kamailio's str2slong: an optional sign then digits only; "" reads 0. */
function strToInt(s: string): number | null {
  if (!/^[+-]?\d*$/.test(s)) return null;
  const n = Number(s === '+' || s === '-' || s === '' ? 0 : s);
  return Number.isSafeInteger(n) ? n : null;
}

function substr(s: string, i: number, j: number): string | null {
  if (j < 0) return null;
  const len = s.length;
  if (i >= 0) {
    if (i >= len) return null;
    if (j === 0 || i + j >= len) return s.slice(i);
    return s.slice(i, i + j);
  }
  const back = -i;
  if (back > len) return null;
  if (j === 0 || back < j) return s.slice(len - back);
  return s.slice(len - back, len - back + j);
}

/** The i-th field split on `sep` (1: any whitespace); from the end when i < 0; "" when there is none. */
function select(s: string, i: number, sep: string | 1): string {
  const fields: string[] = [];
  let start = 0;
  for (let k = 0; k <= s.length; k++) {
    if (k === s.length || (sep === 1 ? isWs(s[k]!) : s[k] === sep)) {
      fields.push(s.slice(start, k));
      start = k + 1;
    }
  }
  const at = i < 0 ? fields.length + i : i;
  return at >= 0 && at < fields.length ? fields[at]! : '';
}

/** select's separator as parsed: one char, or \\ \n \r \t \s (whitespace) \w (space). */
function selectSeparator(raw: string): string | 1 | null {
  if (raw.length <= 1) return raw;
  const escapes: Record<string, string | 1> = { '\\': '\\', n: '\n', r: '\r', t: '\t', s: 1, w: ' ' };
  return escapes[raw[1]!] ?? null;
}

function replaceAll(s: string, what: string, by: string): string {
  if (what === '') return s;
  return s.split(what).join(by);
}

/** \n \r \t \\ in {s.rm}'s literal parameter; any other escaped char stands for itself. */
function unescapeRm(s: string): string {
  return s.replace(/\\(.)/gs, (_m, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
}

function trim(s: string, lead: boolean, tail: boolean): string {
  let a = 0;
  let b = s.length;
  if (lead) while (a < b && isWs(s[a]!)) a++;
  if (tail) while (b > a && isWs(s[b - 1]!)) b--;
  return s.slice(a, b);
}

const hex = (bytes: string): string => Buffer.from(bytes, 'latin1').toString('hex');

function decodeHex(s: string): string | null {
  if (!/^(?:[0-9a-fA-F]{2})*[0-9a-fA-F]?$/.test(s)) return null;
  return Buffer.from(s.slice(0, s.length - (s.length % 2)), 'hex').toString('latin1');
}

const digest = (algo: string) => (v: TrValue): TrValue =>
  createHash(algo).update(Buffer.from(toBytes(asText(v)!), 'latin1')).digest('hex');

/** A transformation on the text of the value (ints as decimal), giving a string. */
const text = (op: (s: string) => string | null): TrDefinition['run'] => (v) => onBytes(asText(v)!, op);

export const STRING_TRANSFORMATIONS: Readonly<Record<string, TrDefinition>> = {
  len: { params: '', run: (v) => toBytes(asText(v)!).length },
  int: { params: '', run: (v) => (typeof v === 'number' ? v : strToInt(v!)) },
  md5: { params: '', run: digest('md5') },
  sha256: { params: '', run: digest('sha256') },
  sha512: { params: '', run: digest('sha512') },
  tolower: { params: '', run: (v) => (typeof v === 'number' ? v : v!.replace(/[A-Z]+/g, (m) => m.toLowerCase())) },
  toupper: { params: '', run: (v) => (typeof v === 'number' ? v : v!.replace(/[a-z]+/g, (m) => m.toUpperCase())) },
  'encode.hexa': { params: '', run: (v) => hex(toBytes(asText(v)!)) },
  'decode.hexa': { params: '', run: text(decodeHex) },
  'encode.base64': { params: '', run: (v) => Buffer.from(toBytes(asText(v)!), 'latin1').toString('base64') },
  trim: { params: '', run: text((s) => trim(s, true, true)) },
  ltrim: { params: '', run: text((s) => trim(s, true, false)) },
  rtrim: { params: '', run: text((s) => trim(s, false, true)) },
  rmws: { params: '', run: text((s) => s.replace(/[ \t\r\n]+/g, '')) },
  numeric: { params: '', run: (v) => (typeof v === 'number' ? null : v!.replace(/[^0-9]+/g, '')) },
  unquote: { params: '', run: text((s) => (s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[0] === s[s.length - 1] ? s.slice(1, -1) : s)) },
  substr: {
    params: 'nn',
    run: (v, p, read) => {
      const i = intParam(p[0], read);
      const j = intParam(p[1], read);
      return i === null || j === null ? null : onBytes(asText(v)!, (s) => substr(s, i, j));
    },
  },
  select: {
    params: 'nc',
    run: (v, p, read) => {
      const i = intParam(p[0], read);
      const sep = p[1]?.kind === 'string' ? selectSeparator(p[1].s) : null;
      return i === null || sep === null ? null : onBytes(asText(v)!, (s) => select(s, i, sep));
    },
  },
  strip: {
    params: 'n',
    run: (v, p, read) => {
      const n = intParam(p[0], read);
      return n === null ? null : onBytes(asText(v)!, (s) => (n <= 0 ? s : s.slice(Math.min(n, s.length))));
    },
  },
  striptail: {
    params: 'n',
    run: (v, p, read) => {
      const n = intParam(p[0], read);
      return n === null ? null : onBytes(asText(v)!, (s) => (n <= 0 ? s : s.slice(0, Math.max(0, s.length - n))));
    },
  },
  rm: {
    params: 's',
    run: (v, p, read) => {
      const what = p[0]?.kind === 'string' ? unescapeRm(p[0].s) : strParam(p[0], read);
      return what === null ? null : onBytes(asText(v)!, (s) => replaceAll(s, toBytes(what), ''));
    },
  },
  replace: {
    params: 'ss',
    run: (v, p, read) => {
      const what = strParam(p[0], read);
      const by = strParam(p[1], read);
      return what === null || by === null ? null : onBytes(asText(v)!, (s) => replaceAll(s, toBytes(what), toBytes(by)));
    },
  },
  count: {
    params: 's',
    run: (v, p, read) => {
      const c = strParam(p[0], read);
      if (c === null) return null;
      const first = toBytes(c)[0]!;
      let n = 0;
      for (const ch of toBytes(asText(v)!)) if (ch === first) n++;
      return n;
    },
  },
};
