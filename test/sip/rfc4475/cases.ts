// The 49 messages of RFC 4475 ("SIP Torture Test Messages"), one `NAME.dat` beside this file,
// byte for byte as the RFC's section 4 archive has them, and for each what the RFC's section 3
// text says an element does with it and what ksr-host does:
//   core:   what SipMessage.parse and the engine's own header checks decide (checkRequestHeaders):
//           'route' (a request handed to the script), 'reply' (a response handed to reply
//           processing), 400 (refused with a 400 built from the raw bytes, the parser's reason
//           matching `reason`), 'drop' (refused, no reply can be built; counted).
//   server: the status the end-to-end server answers over UDP (its script, rfc4475-proxy.js,
//           does what Kamailio's default configuration does first: force_rport, max-forwards
//           483, sanity_check(2023, 15), then 200), or 'none' when nothing comes back.
// Where the RFC lets the element choose (reject or be liberal), `choice` says which we took.
import { readFileSync } from 'node:fs';

export type CoreOutcome = 'route' | 'reply' | 400 | 'drop';

export interface TortureCase {
  name: string;
  /** RFC 4475 section */
  section: string;
  /** what the RFC's text asks of an element, in short */
  rfc: string;
  core: CoreOutcome;
  /** for core 400 / 'drop': the SipParseError reason */
  reason?: RegExp;
  server: number | 'none';
  /** which layer answers `server` when it is not the core: 'sanity' / 'maxfwd' / 'script' */
  by?: 'core' | 'sanity' | 'maxfwd' | 'script';
  choice?: string;
  /** over TCP: the same single message framed by its Content-Length. False where the message
   *  makes sense only in a datagram (see `tcp` notes in the table). */
  tcp: boolean;
}

const R = (name: string, section: string, rfc: string, server: number, by: TortureCase['by'] = 'script', extra: Partial<TortureCase> = {}): TortureCase =>
  ({ name, section, rfc, core: 'route', server, by, tcp: true, ...extra });
const BAD = (name: string, section: string, rfc: string, reason: RegExp, extra: Partial<TortureCase> = {}): TortureCase =>
  ({ name, section, rfc, core: 400, reason, server: 400, by: 'core', tcp: true, ...extra });

export const CASES: readonly TortureCase[] = [
  // §3.1.1 valid messages: "a parser must accept"; requests are routed (our script answers 200)
  R('wsinv', '3.1.1.1', 'valid (short tortuous INVITE: folding, odd whitespace, compact forms): accept', 200),
  R('intmeth', '3.1.1.2', 'valid (token characters in method, URI, branch; escaped NUL, BEL, DEL in a quoted display name; UTF-8): accept', 200),
  R('esc01', '3.1.1.3', 'valid (% escapes in user part, display name, params): accept', 200),
  R('escnull', '3.1.1.4', 'valid (%00 in URIs): accept', 200),
  R('esc02', '3.1.1.5', 'valid (% that is no escape; method RE%47IST%45R is not REGISTER): accept; a proxy forwards or rejects by the Request-URI', 200),
  R('lwsdisp', '3.1.1.6', 'valid (no LWS between display name and <): accept', 200),
  R('longreq', '3.1.1.7', 'valid (long header values, many Vias): accept', 200),
  R('dblreq', '3.1.1.8', 'valid: a REGISTER with Content-Length 0 and an INVITE after it in the datagram: process the REGISTER, discard the extra octets', 200, 'script',
    { tcp: false, choice: 'over TCP the INVITE is a second message (stream framing, item 13)' }),
  R('semiuri', '3.1.1.9', 'valid (; in the user part of the Request-URI): accept', 200),
  R('transports', '3.1.1.10', 'valid (Vias with SCTP, TLS, UNKNOWN transports): accept', 200),
  R('mpart01', '3.1.1.11', 'valid (multipart/signed body with binary content): accept', 200),
  { name: 'unreason', section: '3.1.1.12', rfc: 'valid response (reason phrase with UTF-8 and odd characters): accept', core: 'reply', server: 'none', tcp: true },
  { name: 'noreason', section: '3.1.1.13', rfc: 'valid response (empty reason phrase): accept', core: 'reply', server: 'none', tcp: true },

  // §3.1.2 invalid messages
  BAD('badinv01', '3.1.2.1', 'extraneous ;;,;,, in Via and Contact: respond 400', /^Bad Via/),
  BAD('clerr', '3.1.2.2', 'Content-Length larger than the message: over UDP respond 400; over a stream wait for the rest', /^Content-Length exceeds data$/,
    { tcp: false, choice: 'over TCP the framer waits for the 9999 bytes (RFC: "wait for the next packet")' }),
  BAD('ncl', '3.1.2.3', 'negative Content-Length: respond 400 (a stream cannot be framed any more)', /^Bad Content-Length$/,
    { tcp: false, choice: 'over TCP the framer refuses the stream and closes it' }),
  BAD('scalar02', '3.1.2.4', 'CSeq, Max-Forwards, Expires over their range: respond 400 (for the CSeq)', /^Bad CSeq$/),
  { name: 'scalarlg', section: '3.1.2.5', rfc: 'response with scalar values over their range: discard', core: 'drop', reason: /^Bad CSeq$/, server: 'none', tcp: true },
  BAD('quotbal', '3.1.2.6', 'unterminated quoted display name: respond 400 (or infer the quote)', /^Unterminated quoted string$/),
  BAD('ltgtruri', '3.1.2.7', 'Request-URI in <>: reasonable to reject with 400', /^Bad Request-URI$/),
  BAD('lwsruri', '3.1.2.8', 'LWS inside the Request-URI: respond 400', /^Bad Request-URI$/),
  BAD('lwsstart', '3.1.2.9', 'several SP between request-line elements: acceptable to reject as malformed', /^Bad Request-URI$/,
    { choice: 'rejected (the RFC allows ignoring the extra SP)' }),
  BAD('trws', '3.1.2.10', 'SP after the SIP-Version: acceptable to reject as malformed', /^Bad SIP version$/,
    { choice: 'rejected (the RFC allows ignoring the extra SP)' }),
  BAD('escruri', '3.1.2.11', 'escaped headers in a SIP Request-URI: acceptable to reject with 400', /^Bad Request-URI$/,
    { choice: 'rejected (the RFC allows ignoring the headers; relaying them would be wrong)' }),
  R('baddate', '3.1.2.12', 'non-GMT Date: may be rejected, but should not be unless the Date matters to the element', 200, 'script',
    { choice: 'accepted: ksr-host never reads Date' }),
  R('regbadct', '3.1.2.13', 'Contact URI with headers not in <>: reasonable to reject with 400 (or infer the <>)', 400, 'sanity',
    { choice: 'the parser refuses the Contact when it is read (contacts()); sanity\'s Contact URI check answers 400' }),
  R('badaspec', '3.1.2.14', 'spaces inside <> around the addr-spec: reasonable to reject with 400, may ignore the spaces', 200, 'script',
    { choice: 'accepted: the spaces inside <> are ignored' }),
  R('baddn', '3.1.2.15', 'unquoted display names with non-token characters: reasonable to reject with 400, may infer the quotes', 200, 'script',
    { choice: 'accepted: the text before < is the display name (as Kamailio reads it)' }),
  R('badvers', '3.1.2.16', 'SIP/7.0: respond 505 Version Not Supported', 505, 'sanity'),
  R('mismatch01', '3.1.2.17', 'CSeq method differs from the request method: respond 400', 400, 'sanity'),
  R('mismatch02', '3.1.2.18', 'unknown method with a CSeq method that differs: 501, or 400', 400, 'sanity', { choice: '400 (sanity\'s CSeq method check)' }),
  { name: 'bigcode', section: '3.1.2.19', rfc: 'response code 4294967301: drop', core: 'drop', reason: /^Bad status code$/, server: 'none', tcp: true },

  // §3.2 transaction layer
  R('badbranch', '3.2.1', 'branch is only the magic cookie: may reject with 400, or fall back to RFC 2543 matching', 200, 'script',
    { choice: 'accepted; tm matches it by RFC 2543 rules (the cookie alone is no transaction id)' }),

  // §3.3 application layer
  BAD('insuf', '3.3.1', 'no Call-ID, From, To: must not break; ideally respond 400', /^Missing (From|To|Call-ID)$/),
  R('unkscm', '3.3.2', 'unknown Request-URI scheme: parse it, reject with 416', 416, 'sanity'),
  R('novelsc', '3.3.3', 'Request-URI scheme soap.beep: parse it; 416 when never accepted', 416, 'sanity'),
  R('unksm2', '3.3.4', 'non-SIP URIs in To, From, Contact: parse it; a proxy routes it, a registrar rejects the REGISTER with 400', 400, 'sanity',
    { choice: 'sanity\'s From/To URI checks answer 400, as a registrar must for this REGISTER' }),
  R('bext01', '3.3.5', 'unknown Proxy-Require and Require tags: a proxy answers 420 with Unsupported', 420, 'sanity'),
  R('invut', '3.3.6', 'unknown Content-Type: a proxy processes it as any INVITE (a UAS would answer 415)', 200),
  R('regaut01', '3.3.7', 'Authorization with an unknown scheme: well formed; processed (or challenged with 401)', 200),
  BAD('multi01', '3.3.8', 'two To, From, Call-ID, CSeq: respond 400', /^Duplicate header$/),
  BAD('mcl01', '3.3.9', 'conflicting Content-Lengths: respond with an error; over a stream close the connection', /^Conflicting Content-Length$/,
    { tcp: false, choice: 'over TCP the framer refuses Content-Lengths that disagree and closes the stream (test/transport/tcp-framer.test.ts)' }),
  { name: 'bcast', section: '3.3.10', rfc: 'response whose 2nd Via is 255.255.255.255: well formed; drop, never relay it', core: 'reply', server: 'none', tcp: true,
    choice: 'its top Via is not ours, so it is not relayed' },
  R('zeromf', '3.3.11', 'Max-Forwards 0: a proxy answers 483 (an endpoint processes it)', 483, 'maxfwd'),
  R('cparam01', '3.3.12', 'Contact addr-spec param is a header param: valid', 200),
  R('cparam02', '3.3.13', 'Contact name-addr with a URI param: valid', 200),
  R('regescrt', '3.3.14', 'Contact with an escaped Route header in <>: valid', 200),
  R('sdp01', '3.3.15', 'Accept without application/sdp: valid; a proxy forwards it (a UAS may answer 406)', 200),

  // §3.4 backward compatibility
  R('inv2543', '3.4.1', 'RFC 2543 INVITE (no branch, no From tag, no Content-Length, no Max-Forwards): accept', 200, 'script',
    { tcp: false, choice: 'no Content-Length: datagram only (over TCP, RFC 3261 §18.3 requires it; the stream is closed)' }),
];

export function torturePath(name: string): URL {
  return new URL(`./${name}.dat`, import.meta.url);
}

export function tortureMessage(name: string): Buffer {
  return readFileSync(torturePath(name));
}
