// One attack of the hostile-scripts suite (issue 7's red-team list). Each attack is a file
// pair in attacks/: NAME.ts exports `attack: AttackSpec`, and NAME.js / NAME.lua / NAME.py
// define a function `attack_NAME()` in that language (leave a language's file out where the
// attack does not apply to it). The suite puts every attack of a language into one script,
// whose request route calls `attack_NAME()` for a request carrying `X-Attack: NAME` and
// answers 200 to anything else (the legitimate probes).
import type { EngineName } from '../../runtimes/runtime.js';
import type { ServerProcess } from '../support/server-process.js';

export interface AttackSpec {
  /** The item of issue 7 this attack reproduces. */
  item: number;
  title: string;
  /** Engines where it applies (default: every engine that has a script file for its language). */
  engines?: readonly EngineName[];
  /** Trigger requests sent one after the other (default 1). */
  repeat?: number;
  /** Pause between two triggers, ms (default 0). */
  pauseMs?: number;
  /**
   * Status each trigger must get (default 500); null when no reply is expected; a list gives
   * the status of each trigger in turn (e.g. 500s, then 503s once the source is throttled).
   */
  expectStatus?: number | null | readonly number[];
  /**
   * Where triggers come from. Each attack sends from a loopback address of its own, never the
   * legitimate probes' 127.0.0.1 (a source that keeps hitting the limits is throttled, item 8):
   * 'one' (default) sends every trigger from that address, 'each' each trigger from another
   * (a spread-out attacker, whom no per-source throttle singles out).
   */
  sources?: 'one' | 'each';
  /** Longest unanswered gap allowed for a legitimate client (default 2 × the CPU limit). */
  maxGapMs?: number;
  /** How long to wait for each trigger's reply (default 5000 ms). */
  replyWaitMs?: number;
  /** Extra header lines on the trigger requests. */
  headers?: string[];
  /** A body for the trigger requests (none by default). */
  body?: string;
  /** Runs before the attack, against the server (e.g. to read kemi.stats to compare with). */
  before?(server: ServerProcess): Promise<void>;
  /** Checks after the attack, against the server still running (e.g. kemi.stats). */
  after?(server: ServerProcess): Promise<void>;
}
