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
  { functions: ['tm.t_replicate'], why: 'a copy of the request on a transaction of its own whose replies go nowhere: not built yet' },
  { functions: ['tm.t_uac_send', 'tmx.t_uac_ack_local'], why: "requests originated by the server (tm's UAC API): not built yet" },
  { functions: ['tm.t_next_contact_flow'], why: 'needs RFC 5626 outbound flows (registrar `reg-id`/instance), which do not exist yet' },
  { functions: ['tmx.t_reuse_branch'], why: "re-sends a branch from an event route; needs tm's event routes beyond `tm:branch-failure`" },
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
