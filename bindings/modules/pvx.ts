// KSR.pvx.*: Kamailio's pv module functions for KEMI: xavps ($xavp/$xavu/$xavi, per message,
// host/core/xavp.ts), shared values ($shv, server-wide, host/pvx/shared-values.ts), $var and
// $avp helpers, the static branch ($sbranch) and evalx. Logic in host/pvx/.
import { defineModule, KsrStructured, type KsrDeclaration } from '../registry.js';
import type { MsgContext } from '../../host/core/context.js';
import type { XavpKind, XavpScalar } from '../../host/core/xavp.js';
import { writePv } from '../../host/core/pv.js';
import { expandFormat } from '../../host/core/pv-format.js';
import {
  childEntry, childList, isNullEntry, peekRoot, refused, rootEntry, scalarOf, setChildValue, setRootValue,
} from '../../host/pvx/xavp-ops.js';
import { XAVP_PVS } from '../../host/pvx/xavp-pv.js';
import { explodeInto, implode, parseParams, slistExplode } from '../../host/pvx/xavp-params.js';
import { printRoot } from '../../host/pvx/xavp-print.js';
import { xavpGetd, xavpGetdAt, xavpKeys } from '../../host/pvx/xavp-dict.js';
import { copyItem, copyItemTo, lshift, pushDst, varsToXavp, xavpToVars } from '../../host/pvx/xavp-move.js';
import { SHV_PV, shvGet, shvIncrement, shvSet } from '../../host/pvx/shv.js';
import { SBRANCH_PV, sbranchAppend, sbranchReset, sbranchSetRuri } from '../../host/pvx/static-branch.js';
import { decl, partial, withNullMode, type NullMode } from './decl.js';

function log(ctx: MsgContext, fn: string, text: string): void {
  ctx.core.logger.log('error', `KSR.pvx.${fn}: ${text}`);
}

// ---- xavp / xavu / xavi: one table of functions per kind ----

/** Kamailio refuses an xavp without a name: -1 and a log. */
function noName(ctx: MsgContext, fn: string, ...names: string[]): boolean {
  if (names.every((n) => n !== '')) return false;
  log(ctx, fn, 'expected a non-empty xavp name, got ""');
  return true;
}

function setter(kind: XavpKind, fn: string, params: string) {
  return decl(params, 'int', (ctx, name: string, value: XavpScalar) => {
    if (noName(ctx, fn, name)) return -1;
    return setRootValue(ctx, kind, name, value) ? 1 : refused(ctx, fn, `${kind} "${name}"`);
  });
}

function getter(kind: XavpKind, mode: NullMode) {
  return decl('str', 'xval', (ctx, name: string) => withNullMode(scalarOf(rootEntry(ctx, kind, name)?.value), mode));
}

function childSetter(kind: XavpKind, fn: string, params: string) {
  return decl(params, 'int', (ctx, rname: string, cname: string, value: XavpScalar) => {
    if (noName(ctx, fn, rname, cname)) return -1;
    if (setChildValue(ctx, kind, rname, cname, value)) return 1;
    const top = rootEntry(ctx, kind, rname);
    if (top && childList(ctx, kind, rname) === null) {
      log(ctx, fn, `${kind} "${rname}" holds a value, not a list of fields: cannot add "${cname}" to it`);
      return -1;
    }
    return refused(ctx, fn, `${kind} "${rname}=>${cname}"`);
  });
}

function childGetter(kind: XavpKind, mode: NullMode) {
  return decl('str, str', 'xval', (ctx, rname: string, cname: string) =>
    withNullMode(scalarOf(childEntry(ctx, kind, rname, cname)?.value), mode));
}

/** A dict or an array crosses as a KsrStructured (a native dict/list/table in every language); null when absent. */
const structured = (v: object | null) => (v === null ? null : new KsrStructured(v));
/** An xval row that may return a dict or an array (the registry's `structured`). */
const structuredDecl = (...a: Parameters<typeof decl>): KsrDeclaration => ({ ...decl(...a), structured: true });

/** getd / getd_p1 / get_keys (host/pvx/xavp-dict.ts): Kamailio's shapes, in every runtime (Kamailio: Lua only). */
function dictGetters(kind: XavpKind): Record<string, KsrDeclaration> {
  const logTo = (ctx: MsgContext, fn: string) => (text: string) => log(ctx, fn, text);
  return {
    [`${kind}_getd`]: structuredDecl('str', 'xval', (ctx, name: string) => structured(xavpGetd(ctx, kind, name, logTo(ctx, `${kind}_getd`)))),
    [`${kind}_getd_p1`]: structuredDecl('str, int', 'xval', (ctx, name: string, idx: number) =>
      structured(xavpGetdAt(ctx, kind, name, idx, logTo(ctx, `${kind}_getd_p1`)))),
    [`${kind}_get_keys`]: structuredDecl('str, int', 'xval', (ctx, name: string, idx: number) =>
      structured(xavpKeys(ctx, kind, name, idx, logTo(ctx, `${kind}_get_keys`)))),
  };
}

function kindFunctions(kind: XavpKind): Record<string, KsrDeclaration> {
  const k = kind;
  const fns: Record<string, KsrDeclaration> = {
    [`${k}_seti`]: setter(kind, `${k}_seti`, 'str, int'),
    [`${k}_sets`]: setter(kind, `${k}_sets`, 'str, str'),
    [`${k}_get`]: getter(kind, 'null'),
    [`${k}_gete`]: getter(kind, 'empty'),
    [`${k}_getw`]: getter(kind, 'print'),
    // Kamailio answers 1 whether or not there was an item to remove
    [`${k}_rm`]: decl('str', 'int', (ctx, name: string) => {
      const root = peekRoot(ctx, kind);
      if (root) kind === 'xavu' ? root.removeAll(name) : root.remove(name, 0);
      return 1;
    }),
    [`${k}_is_null`]: decl('str', 'int', (ctx, name: string) => (isNullEntry(rootEntry(ctx, kind, name)) ? 1 : -1)),
    [`${k}_child_seti`]: childSetter(kind, `${k}_child_seti`, 'str, str, int'),
    [`${k}_child_sets`]: childSetter(kind, `${k}_child_sets`, 'str, str, str'),
    [`${k}_child_rm`]: decl('str, str', 'int', (ctx, rname: string, cname: string) => {
      childList(ctx, kind, rname)?.remove(cname, 0);
      return 1;
    }),
    [`${k}_child_is_null`]: decl('str, str', 'int', (ctx, rname: string, cname: string) =>
      (isNullEntry(childEntry(ctx, kind, rname, cname)) ? 1 : -1)),
    [`${k}_child_get`]: childGetter(kind, 'null'),
    [`${k}_child_gete`]: childGetter(kind, 'empty'),
    [`${k}_child_getw`]: childGetter(kind, 'print'),
  };
  if (kind !== 'xavu') {
    fns[`${k}_rm_all`] = decl('str', 'int', (ctx, name: string) => {
      peekRoot(ctx, kind)?.removeAll(name);
      return 1;
    });
    Object.assign(fns, dictGetters(kind));
  }
  return fns;
}

// ---- params strings ----

/** xavp_copy(_dst)'s answer, with the log line for a source that is absent or has nothing to copy. */
function copyOutcome(ctx: MsgContext, fn: string, r: number, src: string, sidx: number, dst: string): number {
  if (r === -2) return refused(ctx, fn, `xavp "${dst}"`);
  if (r === -1) log(ctx, fn, `expected an item $xavp(${src}[${sidx}]) with a value or fields to copy, found none`);
  return r;
}

function explode(kind: XavpKind, fn: string, ctx: MsgContext, text: string, seps: string, xname: string): number {
  if (noName(ctx, fn, xname)) return -1;
  const params = parseParams(text, seps);
  if (params === null) {
    log(ctx, fn, `expected parameters "name=value${seps[0] ?? ';'}..." (a value may be in double quotes), got "${text.slice(0, 64)}"`);
    return -1;
  }
  return explodeInto(ctx, kind, xname, params) ? 1 : refused(ctx, fn, `${kind} "${xname}"`);
}

function implodeTo(kind: XavpKind, fn: string, quoted: boolean) {
  return decl('str, str', 'int', (ctx, xname: string, dst: string) => {
    const text = implode(ctx, kind, xname, quoted);
    if (text === null) return -1;
    if (writePv(ctx, dst, text)) return 1;
    log(ctx, fn, `expected a writable pseudo-variable, got "${dst}"`);
    return -1;
  });
}

// ---- $var, $avp ----

const varGet = (ctx: MsgContext, name: string) => ctx.vars.get(name) ?? 0;

function avpGetter(mode: NullMode) {
  return decl('str', 'xval', (ctx, name: string) => withNullMode(ctx.avps.get(name)?.[0] ?? null, mode));
}

function avpSetter(params: string) {
  return decl(params, 'int', (ctx, name: string, v: string | number) => {
    ctx.avps.set(name, [v, ...(ctx.avps.get(name) ?? [])]);
    return 1;
  });
}

export const pvxModule = defineModule(
  'pvx',
  {
    sbranch_set_ruri: decl('', 'int', (ctx) => sbranchSetRuri(ctx)),
    sbranch_append: decl('', 'int', (ctx) => sbranchAppend(ctx)),
    sbranch_reset: decl('', 'int', (ctx) => sbranchReset(ctx)),

    var_seti: decl('str, int', 'int', (ctx, name: string, v: number) => (ctx.vars.set(name, v), 1)),
    var_sets: decl('str, str', 'int', (ctx, name: string, v: string) => (ctx.vars.set(name, v), 1)),
    var_get: decl('str', 'xval', varGet),

    shv_seti: decl('str, int', 'int', (ctx, name: string, v: number) => shvSet(ctx, 'shv_seti', name, v)),
    shv_sets: decl('str, str', 'int', (ctx, name: string, v: string) => shvSet(ctx, 'shv_sets', name, v)),
    shv_get: decl('str', 'xval', (_ctx, name: string) => shvGet(name)),
    shvinc_get: decl('str', 'xval', (_ctx, name: string) => shvIncrement(name)),

    pv_var_to_xavp: decl('str, str', 'int', (ctx, varname: string, xname: string) => {
      const r = varsToXavp(ctx, varname, xname);
      return r === -2 ? refused(ctx, 'pv_var_to_xavp', `xavp "${xname}"`) : r;
    }),
    pv_xavp_to_var: decl('str', 'int', (ctx, xname: string) => xavpToVars(ctx, xname)),
    pv_xavp_print: decl('', 'int', (ctx) => printRoot(ctx, 'xavp')),
    pv_xavu_print: decl('', 'int', (ctx) => printRoot(ctx, 'xavu')),
    pv_xavi_print: decl('', 'int', (ctx) => printRoot(ctx, 'xavi')),

    xavp_params_explode: decl('str, str', 'int', (ctx, text: string, xname: string) => explode('xavp', 'xavp_params_explode', ctx, text, ';', xname)),
    xavp_xparams_explode: decl('str, str, str', 'int', (ctx, text: string, seps: string, xname: string) => {
      if (seps === '') {
        log(ctx, 'xavp_xparams_explode', 'expected at least one separator character, got ""');
        return -1;
      }
      return explode('xavp', 'xavp_xparams_explode', ctx, text, seps, xname);
    }),
    xavp_params_implode: implodeTo('xavp', 'xavp_params_implode', false),
    xavp_params_implode_qval: implodeTo('xavp', 'xavp_params_implode_qval', true),
    xavu_params_explode: decl('str, str', 'int', (ctx, text: string, xname: string) => explode('xavu', 'xavu_params_explode', ctx, text, ';', xname)),
    xavu_params_implode: implodeTo('xavu', 'xavu_params_implode', false),
    xavp_slist_explode: decl('str, str, str, str', 'int', (ctx, slist: string, seps: string, mode: string, xname: string) => {
      if (seps === '') {
        log(ctx, 'xavp_slist_explode', 'expected at least one separator character, got ""');
        return -1;
      }
      return slistExplode(ctx, slist, seps, mode, xname) ? 1 : refused(ctx, 'xavp_slist_explode', `xavp "${xname}"`);
    }),

    ...kindFunctions('xavp'),
    ...kindFunctions('xavu'),
    ...kindFunctions('xavi'),

    evalx: decl('str, str', 'int', (ctx, dst: string, format: string) => {
      const r = expandFormat(ctx, format);
      if (!r.ok) {
        log(ctx, 'evalx', r.error);
        return -1;
      }
      if (writePv(ctx, dst, r.text)) return 1;
      log(ctx, 'evalx', `expected a writable pseudo-variable, got "${dst}"`);
      return -1;
    }),

    avp_seti: avpSetter('str, int'),
    avp_sets: avpSetter('str, str'),
    avp_get: avpGetter('null'),
    avp_gete: avpGetter('empty'),
    avp_getw: avpGetter('print'),
    avp_rm: decl('str', 'int', (ctx, name: string) => (ctx.avps.delete(name), 1)),
    avp_is_null: decl('str', 'int', (ctx, name: string) => (ctx.avps.has(name) ? -1 : 1)),

    xavp_copy: decl('str, int, str', 'int', (ctx, src: string, sidx: number, dst: string) =>
      copyOutcome(ctx, 'xavp_copy', copyItem(ctx, src, sidx, dst), src, sidx, dst)),
    xavp_copy_dst: decl('str, int, str, int', 'int', (ctx, src: string, sidx: number, dst: string, didx: number) =>
      copyOutcome(ctx, 'xavp_copy_dst', copyItemTo(ctx, src, sidx, dst, didx), src, sidx, dst)),
    xavp_lshift: decl('str, int', 'int', (ctx, name: string, idx: number) => lshift(ctx, name, idx)),
    xavp_push_dst: partial('pushes the R-URI and $du as fields uri and dsturi only', decl('str', 'int', (ctx, xname: string) => {
      const r = pushDst(ctx, xname);
      return r === -2 ? refused(ctx, 'xavp_push_dst', `xavp "${xname}"`) : r;
    })),
  },
  { pvs: { ...XAVP_PVS, shv: SHV_PV, sbranch: SBRANCH_PV } },
);
