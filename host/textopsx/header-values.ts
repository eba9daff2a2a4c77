// textopsx's header value functions (append/insert/assign/remove_hf_value, the `2` variants,
// include/exclude_hf_value, hf_value_exists): edits of one value, one `;param` or one
// `name=value` of a header, as lumps on the current message. An index counts VALUES across
// all the headers of that name (1 the first, -1 the last, at most 10 from the bottom); the
// `2` variants count header lines and read a line as an Authorization-style list.
import type { MsgContext } from '../core/context.js';
import type { HeaderField } from '../sip/message.js';
import { parseHfSpec, type HfSpec } from './hf-spec.js';
import { findParam, findParam2, paramsStart, sameIgnoringCase, splitValues, type ParamHit, type ValueSpan } from './value-scan.js';

/** textopsx's MAX_HF_VALUE_STACK: how far from the bottom a negative index may reach. */
export const MAX_FROM_BOTTOM = 10;

export type HfOp = 'append' | 'insert' | 'assign' | 'remove' | 'assign2' | 'remove2';

interface Found {
  hf: HeaderField;
  /** The value (per-value functions) or the whole body (the `2` variants). */
  value: ValueSpan;
}

const textOf = (ctx: MsgContext): string => ctx.msg.buf.toString('latin1');

/** The whole body of a header line as a value span. */
const bodySpan = (hf: HeaderField): ValueSpan => ({ start: hf.valueStart, end: hf.valueEnd, lumpStart: hf.valueStart, lumpEnd: hf.valueEnd });

/** Every (header, value) of the spec's name, top to bottom; per line when !perValue. */
function items(ctx: MsgContext, text: string, name: string, perValue: boolean): Found[] {
  const out: Found[] = [];
  for (const hf of ctx.msg.headersNamed(name)) {
    if (!perValue) out.push({ hf, value: bodySpan(hf) });
    else for (const value of splitValues(text, hf.valueStart, hf.valueEnd)) out.push({ hf, value });
  }
  return out;
}

/** The idx-th item (1-based; negative from the bottom); undefined when there are fewer. */
function itemAt(all: Found[], idx: number): Found | undefined {
  return idx > 0 ? all[idx - 1] : all[all.length + idx];
}

function headerText(name: string, value: string): string {
  return `${name}: ${value}\r\n`;
}

/** A value put in a header at `at`: after a comma at the end of the body, else followed by one. */
function insertValue(ctx: MsgContext, hf: HeaderField | null, at: number, value: string): number {
  const text = hf === null ? value : at === hf.valueEnd ? `,${value}` : `${value},`;
  ctx.lumps.insert(at, text);
  return 1;
}

/** Deletes [start, end); the whole line when that is its whole body (hf given). */
function deleteValue(ctx: MsgContext, hf: HeaderField | null, start: number, end: number): number {
  if (hf !== null && start === hf.valueStart && end === hf.valueEnd) ctx.lumps.delete(hf.start, hf.end);
  else ctx.lumps.delete(start, end);
  return 1;
}

/** A value removed with its comma: the last one of a line takes the comma before it. */
function removeValue(ctx: MsgContext, hf: HeaderField, v: ValueSpan): number {
  let start = v.lumpStart;
  if (v.lumpEnd === hf.valueEnd && start > hf.valueStart) start--;
  return deleteValue(ctx, hf, start, v.lumpEnd);
}

/** Sets (value !== null) or removes (null) a parameter found or not found: textopsx's lumping. */
function applyParam(ctx: MsgContext, hit: ParamHit, name: string, value: string | null): number {
  if (hit.found) {
    if (value === null) ctx.lumps.delete(hit.delStart, hit.delEnd);
    else {
      ctx.lumps.delete(hit.updStart, hit.updEnd);
      if (value !== '') ctx.lumps.insert(hit.updStart, `=${value}`);
    }
    return 1;
  }
  if (value === null) return -1;
  ctx.lumps.insert(hit.delStart, `${hit.delim}${name}${value !== '' ? `=${value}` : ''}`);
  return 1;
}

/**
 * A parameter set, added, or removed (every occurrence when removing), found from `from` on by
 * `find` (the `;param` of one value, or the `name=value` of an Authorization-style line).
 */
function processFound(ctx: MsgContext, from: number, find: (from: number) => ParamHit, param: string, value: string | null): number {
  let res = 0;
  for (;;) {
    const hit = find(from);
    const r = applyParam(ctx, hit, param, value);
    if (res === 0) res = r;
    if (!hit.found || value !== null) return res;
    from = hit.delEnd;
  }
}

/** `;param` of one value. */
function processParams(ctx: MsgContext, text: string, v: ValueSpan, param: string, value: string | null): number {
  return processFound(ctx, paramsStart(text, v.start, v.end), (from) => findParam(text, from, v.end, param), param, value);
}

/** `name=value` of an Authorization-style line. */
function processParams2(ctx: MsgContext, text: string, hf: HeaderField, param: string, value: string | null): number {
  return processFound(ctx, hf.valueStart, (from) => findParam2(text, from, hf.valueEnd, param), param, value);
}

/** Checks and defaults of textopsx's fixups per operation; an error text when refused. */
function fixSpec(op: HfOp, spec: HfSpec): string | null {
  if ((op === 'append' || op === 'insert') && spec.all) return 'asterisk not supported';
  if ((op === 'append' || op === 'insert') && spec.param !== '') return 'param not supported';
  if ((op === 'assign' || op === 'assign2') && spec.all && spec.param === '') return 'asterisk not supported without param';
  if (!spec.hasIndex || spec.idx === 0) {
    spec.idx = op === 'append' ? -1 : 1;
    // remove and assign always address a value; append/insert without [..] add a header
    if (op !== 'append' && op !== 'insert') spec.hasIndex = true;
  }
  if (spec.idx < -MAX_FROM_BOTTOM) return `index cannot be lower than ${-MAX_FROM_BOTTOM}`;
  return null;
}

export type HfResult = { ok: true; code: number } | { ok: false; error: string };

const refuse = (error: string): HfResult => ({ ok: false, error });
const done = (code: number): HfResult => ({ ok: true, code });

/** append/insert/assign/remove_hf_value and the `2` variants (remove_hf_value passes value ''). */
export function modifyHfValue(ctx: MsgContext, op: HfOp, specText: string, value: string): HfResult {
  const spec = parseHfSpec(specText);
  if (typeof spec === 'string') return refuse(spec);
  const why = fixSpec(op, spec);
  if (why !== null) return refuse(`${why} in ${JSON.stringify(specText)}`);
  const text = textOf(ctx);
  // KEMI gives an empty value as no value: assign removes the parameter then
  const given = value === '' ? null : value;
  switch (op) {
    case 'append':
      return done(appendValue(ctx, text, spec, value));
    case 'insert':
      return done(insertHfValue(ctx, text, spec, value));
    case 'remove':
    case 'assign':
      return done(assignOrRemove(ctx, text, spec, op === 'remove' ? null : given, op === 'remove'));
    case 'remove2':
    case 'assign2':
      return done(assignOrRemove2(ctx, text, spec, given, op === 'remove2'));
  }
}

function appendValue(ctx: MsgContext, text: string, spec: HfSpec, value: string): number {
  const at = spec.hasIndex ? itemAt(items(ctx, text, spec.name, true), spec.idx) : undefined;
  if (at === undefined) {
    ctx.lumps.insert(ctx.msg.headersEnd, headerText(spec.name, value));
    return 1;
  }
  return insertValue(ctx, at.hf, at.value.lumpEnd, value);
}

function insertHfValue(ctx: MsgContext, text: string, spec: HfSpec, value: string): number {
  const at = itemAt(items(ctx, text, spec.name, true), spec.idx);
  if (at !== undefined && !spec.hasIndex) {
    ctx.lumps.insert(at.hf.start, headerText(spec.name, value));
    return 1;
  }
  if (at === undefined && spec.idx === 1) {
    ctx.lumps.insert(ctx.msg.headersEnd, headerText(spec.name, value));
    return 1;
  }
  return at === undefined ? -1 : insertValue(ctx, at.hf, at.value.lumpStart, value);
}

function assignOrRemove(ctx: MsgContext, text: string, spec: HfSpec, value: string | null, remove: boolean): number {
  if (spec.all) {
    let fl = -1;
    for (const hf of ctx.msg.headersNamed(spec.name)) {
      if (spec.param === '') {
        deleteValue(ctx, hf, hf.valueStart, hf.valueEnd);
        fl = 1;
        continue;
      }
      for (const v of splitValues(text, hf.valueStart, hf.valueEnd)) {
        if (processParams(ctx, text, v, spec.param, value) > 0) fl = 1;
      }
    }
    return fl;
  }
  const at = itemAt(items(ctx, text, spec.name, true), spec.idx);
  if (at === undefined) return -1;
  if (spec.param !== '') return processParams(ctx, text, at.value, spec.param, value);
  if (remove) return removeValue(ctx, at.hf, at.value);
  deleteValue(ctx, null, at.value.start, at.value.end);
  if (value !== null) insertValue(ctx, null, at.value.start, value);
  return 1;
}

function assignOrRemove2(ctx: MsgContext, text: string, spec: HfSpec, value: string | null, remove: boolean): number {
  if (spec.all) {
    let fl = -1;
    for (const hf of ctx.msg.headersNamed(spec.name)) {
      if (spec.param === '') {
        deleteValue(ctx, hf, hf.valueStart, hf.valueEnd);
        fl = 1;
      } else if (processParams2(ctx, text, hf, spec.param, value) > 0) fl = 1;
    }
    return fl;
  }
  const at = itemAt(items(ctx, text, spec.name, false), spec.idx);
  if (at === undefined) return -1;
  if (spec.param !== '') return processParams2(ctx, text, at.hf, spec.param, value);
  if (remove) return deleteValue(ctx, at.hf, at.hf.valueStart, at.hf.valueEnd);
  deleteValue(ctx, null, at.hf.valueStart, at.hf.valueEnd);
  if (value !== null) insertValue(ctx, null, at.hf.valueStart, value);
  return 1;
}

export type SetOp = 'include' | 'exclude' | 'exists';

/** include/exclude_hf_value, hf_value_exists: the header's values as a set (case-insensitive). */
export function valueSet(ctx: MsgContext, op: SetOp, specText: string, value: string): HfResult {
  const spec = parseHfSpec(specText);
  if (typeof spec === 'string') return refuse(spec);
  if (spec.hasIndex || spec.param !== '') return refuse(`neither index nor param may be specified in ${JSON.stringify(specText)}`);
  if (value === '') return refuse('expected a non-empty value');
  const text = textOf(ctx);
  const wanted = Buffer.from(value, 'utf8').toString('latin1');
  const lines = ctx.msg.headersNamed(spec.name);
  for (const hf of lines) {
    for (const v of splitValues(text, hf.valueStart, hf.valueEnd)) {
      if (v.end === v.start || !sameIgnoringCase(text.slice(v.start, v.end), wanted)) continue;
      if (op !== 'exclude') return done(1);
      removeValue(ctx, hf, v);
    }
  }
  if (op === 'exists') return done(-1);
  if (op === 'exclude') return done(1);
  const first = lines[0];
  if (first !== undefined) return done(insertValue(ctx, first, first.valueEnd, value));
  ctx.lumps.insert(ctx.msg.headersEnd, headerText(spec.name, value));
  return done(1);
}
