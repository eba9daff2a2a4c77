// The sanity checks, one row per bit of Kamailio's sanity module masks (sanity.h). Each
// returns the reply Kamailio would send when it fails, or null when the message passes.
import type { MsgContext } from '../core/context.js';
import { SipParseError } from '../sip/errors.js';

export interface SanityFailure {
  code: number;
  reason: string;
  /** Extra reply header lines, each ending CRLF. */
  headers?: string[];
}

export interface SanityCheck {
  readonly bit: number;
  readonly name: string;
  /** Whether the check applies to replies too (most only make sense for requests). */
  readonly replies: boolean;
  run(ctx: MsgContext, uriChecks: number): SanityFailure | null;
}

const fail = (code: number, reason: string, headers?: string[]): SanityFailure => ({ code, reason, headers });

/** Runs a parse of the message, turning SipParseError into the given failure. The parse is
 *  a function of the message (module-level, no closure per call) and the failure is made only
 *  when it fails: a message that passes allocates nothing here. */
function parses(msg: MsgContext['msg'], read: (m: MsgContext['msg']) => unknown, code: number, reason: string): SanityFailure | null {
  try {
    read(msg);
    return null;
  } catch (e) {
    if (e instanceof SipParseError) return fail(code, reason);
    throw e;
  }
}

const readVias = (m: MsgContext['msg']): unknown => m.vias();
const readTopVia = (m: MsgContext['msg']): unknown => m.topVia();
const readCSeq = (m: MsgContext['msg']): unknown => m.cseq();
const readContentLength = (m: MsgContext['msg']): unknown => m.contentLength();
const readAuthorization = (m: MsgContext['msg']): unknown => m.authorization('authorization');
const readProxyAuthorization = (m: MsgContext['msg']): unknown => m.authorization('proxy-authorization');
const READ_CREDENTIALS = { authorization: readAuthorization, 'proxy-authorization': readProxyAuthorization } as const;

/** Leading blanks, then 1 to 10 digits at most 2^32-1: the number of a CSeq (no match array made). */
function cseqNumberOk(v: string): boolean {
  let i = 0;
  while (i < v.length && (v.charCodeAt(i) === 0x20 || v.charCodeAt(i) === 0x09 || v.charCodeAt(i) === 0x0d || v.charCodeAt(i) === 0x0a)) i++;
  const start = i;
  while (i < v.length && v.charCodeAt(i) >= 0x30 && v.charCodeAt(i) <= 0x39) i++;
  const digits = i - start;
  return digits > 0 && digits <= 10 && Number(v.slice(start, i)) <= 0xffffffff;
}

const DIGITS = /^\d+$/;

/** 'SIP/2.0' in any case, without making an upper-case copy (the usual spelling is checked first). */
function isSip20(v: string): boolean {
  return v === 'SIP/2.0' || v.toUpperCase() === 'SIP/2.0';
}

/** A Via sent-protocol 'SIP/2.0/<transport>', the name in any case. */
function isSip20Slash(p: string): boolean {
  return p.startsWith('SIP/2.0/') || p.toUpperCase().startsWith('SIP/2.0/');
}
const TAG_PARAM = /;\s*tag\s*=/gi;

const DIGEST_REQUIRED = ['username', 'realm', 'nonce', 'uri', 'response'];
const KNOWN_TRANSPORTS = new Set(['UDP', 'TCP', 'TLS', 'SCTP', 'WS', 'WSS']);
const KNOWN_SCHEMES = /^(sip|sips|tel|tels):/i;
const TOKEN = /^[A-Za-z0-9.!%*_+`'~-]+$/;

/**
 * uri_checks bits: 1 R-URI, 2 From, 4 To, 8 Contact. Each reads the message's own cached
 * parse (so the routes after sanity reuse it); throws SipParseError when it does not parse.
 */
const URI_CHECKS: ReadonlyArray<{ bit: number; parses: (m: MsgContext['msg']) => boolean; reason: string }> = [
  { bit: 1, parses: (m) => !m.isRequest || (m.ruriParsed(), true), reason: 'Bad Request URI' },
  { bit: 2, parses: (m) => !m.hasHeader('from') || m.from().uri !== null, reason: 'Bad From URI' },
  { bit: 4, parses: (m) => !m.hasHeader('to') || m.to().uri !== null, reason: 'Bad To URI' },
  { bit: 8, parses: (m) => !m.hasHeader('contact') || m.contacts().list.every((c) => c.uri !== null), reason: 'Bad Contact URI' },
];

export const SANITY_CHECKS: readonly SanityCheck[] = [
  {
    bit: 1, name: 'ruri sip version', replies: false,
    run: (ctx) => (isSip20(ctx.msg.version) ? null : fail(505, 'Version Not Supported (R-URI)')),
  },
  {
    bit: 2, name: 'ruri scheme', replies: false,
    run: (ctx) => (KNOWN_SCHEMES.test(ctx.msg.ruri) ? null : fail(416, 'Unsupported URI Scheme in Request URI')),
  },
  {
    bit: 4, name: 'required headers', replies: true,
    // the scan knows which of them it saw: no lookup per header
    run: (ctx) => (ctx.msg.hasRequiredHeaders() ? null : fail(400, 'Missing Required Header in Request')),
  },
  {
    bit: 8, name: 'via sip version', replies: true,
    run: (ctx) => {
      if (!ctx.msg.hasHeader('via')) return null;
      const p = parses(ctx.msg, readVias, 400, 'Via Parsing Failure');
      if (p) return p;
      for (const v of ctx.msg.vias()) if (!isSip20Slash(v.protocol)) return fail(505, 'Version Not Supported (Via)');
      return null;
    },
  },
  {
    bit: 16, name: 'via protocol', replies: true,
    run: (ctx) => {
      if (!ctx.msg.hasHeader('via')) return null;
      const p = parses(ctx.msg, readTopVia, 400, 'Via Parsing Failure');
      if (p) return p;
      return KNOWN_TRANSPORTS.has(ctx.msg.topVia().transport.toUpperCase())
        ? null
        : fail(400, 'Unsupported Transport in Topmost Via');
    },
  },
  {
    bit: 32, name: 'cseq method', replies: false,
    run: (ctx) => {
      if (!ctx.msg.hasHeader('cseq')) return fail(400, 'Missing CSeq Header');
      const p = parses(ctx.msg, readCSeq, 400, 'Invalid CSeq');
      if (p) return p;
      const method = ctx.msg.cseq().method;
      if (!TOKEN.test(method)) return fail(400, 'Non-token CSeq method');
      return method === ctx.msg.method ? null : fail(400, 'CSeq method does not match request method');
    },
  },
  {
    bit: 64, name: 'cseq value', replies: true,
    run: (ctx) => {
      const hf = ctx.msg.header('cseq');
      if (!hf) return fail(400, 'Missing CSeq Header');
      return cseqNumberOk(hf.value) ? null : fail(400, 'Invalid CSeq number');
    },
  },
  {
    bit: 128, name: 'content length', replies: true,
    run: (ctx) => {
      if (!ctx.msg.hasHeader('content-length')) return null;
      const p = parses(ctx.msg, readContentLength, 400, 'Content-Length Invalid');
      if (p) return p;
      const cl = ctx.msg.contentLength();
      if (cl === undefined) return fail(400, 'Content-Length Invalid');
      // SipMessage.parse already refuses fewer bytes than Content-Length and cuts off more, so
      // on a parsed message this only fails for a value the parser let through unread.
      return cl === ctx.msg.buf.length - ctx.msg.bodyOffset ? null : fail(400, 'Content-Length mis-match');
    },
  },
  {
    bit: 256, name: 'expires value', replies: true,
    run: (ctx) => {
      const hf = ctx.msg.header('expires');
      if (!hf) return null;
      return DIGITS.test(hf.value.trim()) ? null : fail(400, 'Expires not a number');
    },
  },
  {
    bit: 512, name: 'proxy-require', replies: false,
    run: (ctx) => {
      // No extension is supported by this proxy (Kamailio's default proxy_require list is empty).
      if (!ctx.msg.hasHeader('proxy-require')) return null;
      const options = ctx.msg
        .headersNamed('proxy-require')
        .flatMap((hf) => hf.value.split(','))
        .map((o) => o.trim())
        .filter((o) => o !== '');
      return options.length === 0 ? null : fail(420, 'Bad Extension', [`Unsupported: ${options.join(', ')}\r\n`]);
    },
  },
  {
    bit: 1024, name: 'parse uri', replies: false,
    run: (ctx, uriChecks) => {
      for (const row of URI_CHECKS) {
        if ((uriChecks & row.bit) === 0) continue;
        let ok: boolean;
        try {
          ok = row.parses(ctx.msg);
        } catch (e) {
          if (!(e instanceof SipParseError)) throw e;
          ok = false;
        }
        if (!ok) return fail(400, row.reason);
      }
      return null;
    },
  },
  {
    bit: 2048, name: 'digest credentials', replies: false,
    run: (ctx) => {
      for (const kind of ['authorization', 'proxy-authorization'] as const) {
        if (!ctx.msg.hasHeader(kind)) continue;
        const p = parses(ctx.msg, READ_CREDENTIALS[kind], 400, 'Bad Credentials');
        if (p) return p;
        for (const c of ctx.msg.authorization(kind)) {
          if (c.scheme.toLowerCase() !== 'digest') continue;
          for (const k of DIGEST_REQUIRED) if (!c.params.has(k)) return fail(400, 'Bad Credentials');
        }
      }
      return null;
    },
  },
  {
    bit: 4096, name: 'duplicated To/From tag', replies: true,
    run: (ctx) => {
      for (const name of ['from', 'to']) {
        const hf = ctx.msg.header(name);
        if (hf && (hf.value.match(TAG_PARAM)?.length ?? 0) > 1) return fail(400, 'Duplicated To/From tag');
      }
      return null;
    },
  },
  {
    bit: 8192, name: 'authorization header', replies: false,
    run: (ctx) => {
      for (const kind of ['authorization', 'proxy-authorization'] as const) {
        if (!ctx.msg.hasHeader(kind)) continue;
        const p = parses(ctx.msg, READ_CREDENTIALS[kind], 400, 'Bad Authorization Header');
        if (p) return p;
        if (ctx.msg.authorization(kind).some((c) => c.scheme.toLowerCase() !== 'digest')) {
          return fail(400, 'Unsupported Authorization Scheme');
        }
      }
      return null;
    },
  },
];
