// MsgContext: the one object a KSR function receives. It holds the message being
// routed and everything a script may change about what happens to it. KSR calls take
// no message argument: the registry dispatches against the context of the callback
// now running (DESIGN.md §2).
import type { SipMessage } from '../sip/message.js';
import { Lumps } from '../sip/lumps.js';
import type { CoreServices } from './services.js';
import type { Proto, ReceiveInfo } from '../transport/types.js';
// The state other capabilities keep on a message is declared here, typed by them: type-only
// imports, erased at run time, so host/core loads none of their code (test/core/import-graph.test.ts).
import type { Transaction } from '../tm/transaction.js';
import type { TmOptions } from '../tm/options.js';
import type { AuthMarks } from '../auth/credentials.js';
import type { SanityFailure } from '../sanity/checks.js';
import type { PreparedReply } from '../registrar/register-reply.js';
import type { SendInfo } from '../forward/onsend.js';
import type { XavpStore } from './xavp.js';
import type { BodyRewrite, ReplyBody } from '../textops/body-state.js';
import type { IteratorTables } from '../textopsx/iterators.js';
import type { StaticBranch } from '../pvx/static-branch.js';
import type { RelaySet } from '../media-relay/relay-sets.js';
import type { UacReqData } from '../uac/req-send.js';

// Proto and ReceiveInfo belong to the transport (the layer below); every capability names them from here.
export type { Proto, ReceiveInfo } from '../transport/types.js';

export type RouteType = 'request' | 'reply' | 'failure' | 'branch' | 'onreply' | 'onsend' | 'event';

export type AvpValue = string | number;

/** A branch added to the request's destination set (KSR.corex.append_branch, lookup). */
export interface Branch {
  uri: string;
  dstUri: string | null;
  /** Path header value to put on the branch (RFC 3327), null when none. */
  path: string | null;
  /** q value 0..1 (x1000 as Kamailio stores it is not used here); null when not given. */
  q: number | null;
  /** Branch flags. */
  flags: number;
}

/**
 * What a route asked of the transaction layer before t_relay (t_on_failure, t_set_fr...).
 * tm copies it onto the transaction it creates. Names are looked up when they fire.
 */
export interface TmRequests {
  onFailure: string | null;
  onBranch: string | null;
  onReply: string | null;
  onBranchFailure: string | null;
  /** ms; null = default (fr_timer / fr_inv_timer). */
  frTimeout: number | null;
  frInvTimeout: number | null;
}

let lastMessageId = 0;

/**
 * $mi: the message's id, as Kamailio numbers received messages; given on first use (most
 * messages never ask) and before tm copies the context, so its copies answer the same.
 */
export function messageIdOf(ctx: MsgContext): number {
  if (ctx.messageId === 0) ctx.messageId = ++lastMessageId;
  return ctx.messageId;
}

export class MsgContext {
  /** Message flags (0..31), kept with the message. */
  flags = 0;
  /** Branch flags per branch index; index 0 is the request's own branch. */
  bflags: number[] = [0];
  /** Script flags: reset to 0 before each callback, as Kamailio's sr_kemi_route does. */
  sflags = 0;
  /** $avp(name): a stack per name, newest first (Kamailio semantics). */
  readonly avps = new Map<string, AvpValue[]>();
  private newUriValue: string | null = null;
  private dstUriValue: string | null = null;
  /**
   * Whether t_relay may fork to the Request-URI (Kamailio's ruri_is_new): true for a received
   * request; false in a failure route, where the R-URI already had its branch; true again once
   * the R-URI or $du is set (a new target, or the same one through another hop).
   */
  ruriIsNew = true;

  /** New Request-URI set by the script ($ru, seturi, lookup...); null = unchanged. Setting it marks the R-URI new. */
  get newUri(): string | null {
    return this.newUriValue;
  }

  set newUri(uri: string | null) {
    this.newUriValue = uri;
    this.ruriIsNew = true;
  }

  /** Destination URI ($du); null = not set. Setting it marks the R-URI new (re-use it through this hop). */
  get dstUri(): string | null {
    return this.dstUriValue;
  }

  set dstUri(uri: string | null) {
    this.dstUriValue = uri;
    this.ruriIsNew = true;
  }
  /** Pending changes to the message, applied when it is built for sending. */
  readonly lumps = new Lumps();
  /** Header lines (with CRLF) to add to replies generated locally for this request. */
  readonly replyLumps: string[] = [];
  /** Set by KSR.set_drop / KSR.x.drop. */
  dropped = false;
  /** Set once KSR.x.exit / KSR.x.drop ran: every later KSR call in the callback stops it again. */
  stopped = false;
  /** Set when the script asked for rport in the reply (force_rport) or the request had ;rport. */
  forceRport = false;
  /** Set by KSR.add_local_rport: ;rport goes into the Via we add when forwarding. */
  addLocalRport = false;
  /** True once a reply was sent for this request (sl or tm). */
  replied = false;
  routeType: RouteType = 'request';
  /** Further branches of the destination set; the R-URI and $du make the first branch. */
  branches: Branch[] = [];
  /** Index of the branch being routed (branch route, onreply, $T_branch_idx); -1 outside one. */
  branchIndex = -1;
  /** t_on_* names and timer overrides set by the script for the transaction. */
  readonly tmRequests: TmRequests = {
    onFailure: null, onBranch: null, onReply: null, onBranchFailure: null, frTimeout: null, frInvTimeout: null,
  };
  /** The transaction of this message, when there is one (set by t_relay/t_newtran, and on tm's copies). */
  transaction: Transaction | null = null;
  /**
   * The CPU budget of the script callbacks run for this message in this turn of the event loop;
   * the copies tm makes share it. runtimes/call-chain.ts owns its shape, and host/ may not name
   * runtimes/ even as a type, so it stays opaque here.
   */
  cpuBudget: unknown = null;
  /** Record-Route asked for by the script, inserted when the request is built for sending. */
  recordRoute: { params: string; preset: string | null; advertised: string | null } | null = null;
  /** Forced outgoing protocol (t_relay_to_proto...), null = from the URI. */
  forcedProto: Proto | null = null;
  /**
   * Path of the R-URI's binding (RFC 3327, set by lookup): sent as Route headers on that
   * branch only; other branches carry theirs in Branch.path.
   */
  path: string | null = null;

  /** The message as the script sees it (see msg). */
  private current: SipMessage;

  constructor(
    msg: SipMessage,
    readonly rcv: ReceiveInfo,
    /** $var(name): per process in Kamailio; here per context of one message. */
    readonly vars: Map<string, AvpValue>,
    readonly core: CoreServices,
  ) {
    this.current = msg;
  }

  /**
   * The message: the one received, until msg_apply_changes or msg_set_buffer replace it
   * (host/core/message-rewrite.ts). Lumps are anchored in this message's buffer.
   */
  get msg(): SipMessage {
    return this.current;
  }

  /** Only message-rewrite.ts calls this, with the lumps applied to the new message or cleared. */
  replaceMessage(msg: SipMessage): void {
    this.current = msg;
  }

  /** The Request-URI in force: the one the script set, or the received one. */
  get ruri(): string {
    return this.newUri ?? this.msg.ruri;
  }

  // ---- routing state (issue 3, rr + core forwarding setters; host/rr reads and writes it) ----
  /** Second address of record_route_preset(addr, addr2): the outbound-facing line of a double RR. */
  recordRoutePreset2: string | null = null;
  /** add_rr_param texts given before record_route: merged into recordRoute.params when it is set. */
  rrPendingParams = '';
  /** URI params (without the leading ';') of our Route that loose_route consumed; null when none. */
  routedParams: string | null = null;
  /** loose_route took the next hop from a Route header (KSR.rr.next_hop_route). */
  routeNextHop = false;
  /** set_advertised_address / set_advertised_port: shown in Via and Record-Route instead of the socket's. */
  advertisedAddress: string | null = null;
  advertisedPort: string | null = null;
  /** Connection flags for the sending path: close after sending, never open a new connection. */
  forwardClose = false;
  forwardNoConnect = false;
  replyClose = false;
  replyNoConnect = false;
  /** add_tcp_alias(port) / add_tcp_alias_via: the port aliased (the alias itself lives in the TCP listener); null = none. */
  tcpAliasPort: number | null = null;

  // ---- what a capability keeps on the message between KSR calls (issue 8: declared, not in side tables) ----
  /** t_set_* switches given before the transaction exists (tm moves them onto it; copies carry them). */
  tmOptions: TmOptions | null = null;
  /** What the last authentication of this request left: the credentials line it used, a stale nonce. */
  authMarks: AuthMarks | null = null;
  /** The last failed sanity check, and whether its reply went out (sanity_reply sends it later). */
  sanityFailure: (SanityFailure & { sent: boolean }) | null = null;
  /** save() with flag 0x02 (no reply): the REGISTER reply kept for reg_send_reply. */
  preparedRegisterReply: PreparedReply | null = null;
  /** set_q_override: the q every contact saved by this request gets; null = the Contact's own. */
  qOverride: number | null = null;
  /** In ksr_onsend_route (on its copy of the context): what is about to be sent, for $snd. */
  sendInfo: SendInfo | null = null;
  /** $xavp/$xavu/$xavi of this message (host/core/xavp.ts), made on first use; tm's copies share it. */
  xavps: XavpStore | null = null;

  // ---- corex (issue 10): extended flags, the socket forced for sending, Via switches ----
  /** Extended flags 0..63 (corex.setxflag), as Kamailio's two 32-bit words, null until one is set; tmx.t_flush_xflags copies them. */
  xflags: [number, number] | null = null;
  /** The listen socket corex.set_send_socket chose (kx.get_send_sock reads it); null = none forced. */
  sendSocket: { proto: Proto; ip: string; port: number } | null = null;
  /** corex.via_add_srvid / via_*_xavp_* switches, bits of host/corex/via-switches.ts. */
  viaSwitches = 0;

  // ---- textops (issue 10): the body a script set, and the body of its local replies ----
  /** set_body / set_body_multipart / append_body_part...: the new body, re-rendered into one lump at each call. */
  bodyRewrite: BodyRewrite | null = null;
  /** set_reply_body: the body (and its Content-Type) of the next reply sent locally for this request. */
  replyBody: ReplyBody | null = null;
  /** textopsx's hf_/bl_iterator_* cursors by name (host/textopsx/iterators.ts); tm's copies start with none. */
  iterators: IteratorTables | null = null;
  /** pvx's static branch ($sbranch, sbranch_*), per message (host/pvx/static-branch.ts). */
  staticBranch: StaticBranch | null = null;
  /** The message id ($mi, messageIdOf); 0 until first asked. */
  messageId = 0;
  /** $rc / $retcode: the last int a KSR function returned for this message (the Dispatcher sets it). */
  lastReturnCode = 0;

  // ---- uac (issue 11): From/To replaced in this request, and edits of the replies it gets ----
  /** uac_replace_from/to (or their restore) changed From / To of this request (Kamailio's FL_USE_UAC_FROM/TO). */
  uacMarks: { from: boolean; to: boolean } | null = null;
  /**
   * Edits run on every reply received for this request's transaction, before its onreply route
   * (Kamailio's TMCB_RESPONSE_IN: uac puts the received From/To back); tm calls them with the
   * reply and this request's context.
   */
  replyInHooks: Array<(reply: MsgContext, request: MsgContext) => void> | null = null;
  /** $uac_req(...): the request uac_req_send sends, as the script set it (host/uac/req-send.ts). */
  uacReq: UacReqData | null = null;
  /** set_rtpengine_set / set_rtpproxy_set: the relay sets chosen for this message's next calls (host/media-relay). */
  mediaRelaySets: RelaySet[] | null = null;
}
