// What of Kamailio's KEMI catalogue (catalogue.tsv) is not declared, and why. Data only: the
// READMEs' tables are generated from it (bindings/generate.ts), and
// test/bindings/generated-docs.test.ts fails when a catalogue function of a module this build
// has is neither declared nor listed here, or when a listed one is declared after all.
// A script calling any of them gets an error naming it, never a silent no-op.

export interface LeftOut {
  /** Paths as `Registry.find` takes them: "tm.t_replicate" ("get_env" would be core). */
  readonly functions: readonly string[];
  readonly why: string;
}

/** Functions left out of modules that are declared in part. */
export const LEFT_OUT: readonly LeftOut[] = [
  {
    functions: ['kx.get_env', 'kx.get_envn'],
    why: "a routing script must not read the server's environment (secrets, paths); `KSR.kx.get_def` reads the config's `defines`",
  },
  {
    functions: [
      'siputils.encode_contact', 'siputils.decode_contact', 'siputils.decode_contact_header', 'siputils.contact_param_encode',
      'siputils.contact_param_encode_alias', 'siputils.contact_param_decode', 'siputils.contact_param_decode_ruri',
      'siputils.contact_param_rm', 'siputils.contact_param_check',
    ],
    why: "Kamailio's Contact-in-a-parameter encodings (NAT traversal without nathelper): to interoperate they must reproduce its exact formats; planned with the NAT issue",
  },
  { functions: ['tm.t_replicate'], why: 'a copy of the request on a transaction of its own whose replies go nowhere: not built yet' },
  { functions: ['tm.t_uac_send', 'tmx.t_uac_ack_local'], why: "requests originated by the server (tm's UAC API): not built yet" },
  { functions: ['tm.t_next_contact_flow'], why: 'needs RFC 5626 outbound flows (registrar `reg-id`/instance), which do not exist yet' },
  { functions: ['tmx.t_reuse_branch'], why: "re-sends a branch from an event route; needs tm's event routes beyond `tm:branch-failure`" },
  {
    functions: ['corex.setxflag', 'corex.resetxflag', 'corex.isxflagset', 'tmx.t_flush_xflags'],
    why: 'extended (64-bit) flags: the message context has no field for them',
  },
  {
    functions: ['corex.set_send_socket', 'corex.set_send_socket_name', 'corex.set_recv_socket', 'corex.set_recv_socket_name', 'corex.set_source_address', 'corex.sendx'],
    why: 'listen sockets have no names and the sending path picks the socket by protocol and family (`corex.send_data` is declared)',
  },
  {
    functions: ['corex.via_add_srvid', 'corex.via_add_xavp_params', 'corex.via_use_xavp_fields', 'corex.via_reply_add_xavp_params'],
    why: 'need xavps, which this build does not have',
  },
  { functions: ['corex.file_read', 'corex.file_write'], why: 'a routing script must not reach the file system (the sandbox, DESIGN.md §4)' },
  {
    functions: ['corex.forward_uac', 'corex.forward_uac_branch', 'corex.forward_uac_uri', 'corex.forward_uac_uri_branch'],
    why: 'stateless forwarding as a UAC (a new Via set): not built yet',
  },
  {
    functions: ['registrar.lookup_xavp'],
    why: 'writes its results into xavps, which this build does not have; `reg_fetch_contacts` with `ulc_rget`/`ulc_cget` give the same data',
  },
];

const INTERPRETER_MODULE =
  "the interpreter modules' own functions run code from a string or a file, or a script function by name: a script calls its own functions (or `KSR.route`); loading code at run time is outside the sandbox";

/** Why a catalogue module with no function declared is absent; any other is "not yet". */
export const ABSENT_MODULE_REASONS: Readonly<Record<string, string>> = {
  app_lua: INTERPRETER_MODULE,
  app_jsdt: INTERPRETER_MODULE,
  app_python3: INTERPRETER_MODULE,
  app_python3s: INTERPRETER_MODULE,
};
