// KSR functions answered inside the guest from the message's facts (bindings/registry.ts
// FactAnswer): the host sends the facts with every callback as one text (Registry.messageFacts),
// and a registry row with `answer` gets a stub that answers from them without a host call (a
// crossing costs 0.6-2.3 µs; a third of a registrar route's calls are such tests). Written once,
// here, as JavaScript source every guest evaluates: the JS bootstrap (v8, QuickJS), the Lua
// guest's KSR table and the Python bridge, so every language answers alike, and alike with the
// host's implementation (test/runtimes/guest-facts.test.ts compares them).
//
// FACTS_SOURCE evaluates to `makeFacts(separator, maxValueBytes)`, which returns
// - `facts`: the facts of the callback running now. `enter(text)` sets them for a callback and
//   returns what to hand back to `leave` when it ends (callbacks nest through KSR.route);
//   `drop()` forgets them once the callback is stopped (every later call must stop again: the
//   JS guest throws it itself, the others reach the host, which answers STOP); `forget()` once
//   a row declared `changesMessage` ran (msg_apply_changes...): the facts of this callback and
//   of those it returns to are stale, the host answers until the outermost one ends; `list()`
//   splits the text on first use, null when there is none.
// - `answerOf(row)`: for a row with `answer`, `(arg, argc) => value | undefined`, undefined
//   when the host must answer (no facts, the fact unknown for this message (FACT_UNKNOWN), a
//   `value` fact that is '', an argument not a plain short string, a wrong count);
// - `stubOf(row, viaHost)`: the whole stub, for JS guests (the JS bootstrap).
// The string methods used at call time are captured; the kept answers are in Maps whose
// methods a script can change: either way a script only changes its own answers.
import { FACT_UNKNOWN } from '../bindings/registry.js';

export const FACTS_SOURCE = String.raw`(function () {
  'use strict';
  // a fact its reader did not know cheaply for this message (a reply's To): the host answers
  const UNKNOWN = ${JSON.stringify(FACT_UNKNOWN)};
  const apply = Reflect.apply;
  const split = String.prototype.split;
  const upper = String.prototype.toUpperCase;
  const trim = String.prototype.trim;
  const regexTest = RegExp.prototype.test;
  const ASCII = /^[\x00-\x7f]*$/;
  // How many fact values, and arguments per fact value, a function keeps answers for.
  const MEMO_FACTS = 32;
  const MEMO_ARGS = 64;
  // only short arguments are kept: at most ~128 KB held, however a script calls them
  const MEMO_ARG_LENGTH = 64;
  // letterOf: one of the letters, upper-cased, names the fact
  const letterOf = (letters) => (m, arg) => {
    const s = apply(upper, arg, []);
    for (let i = 0; i < s.length; i++) {
      const name = letters[s[i]];
      if (name !== undefined && name === m) return true;
    }
    return false;
  };
  // nameIn: one of the '|'-separated names, trimmed and upper-cased, is the fact (never an empty one)
  const nameIn = (m, arg) => {
    if (m === '') return false;
    const names = apply(split, arg, ['|']);
    for (let i = 0; i < names.length; i++) if (apply(upper, apply(trim, names[i], []), []) === m) return true;
    return false;
  };
  return function makeFacts(separator, maxValueBytes) {
    let text = null;
    let parts = null;
    // callbacks entered and not yet left; and whether the message was replaced in one of them
    // (forget): the facts the outer ones were sent are stale until the outermost one ends
    let depth = 0;
    let stale = false;
    const facts = {
      enter(t) {
        if (depth === 0) stale = false;
        depth++;
        const saved = [text, parts];
        text = typeof t === 'string' ? t : null;
        parts = null;
        return saved;
      },
      leave(saved) {
        if (depth > 0) depth--;
        if (stale) {
          text = null;
          parts = null;
          if (depth === 0) stale = false;
          return;
        }
        text = saved[0];
        parts = saved[1];
      },
      drop() {
        text = null;
        parts = null;
      },
      // the message was replaced (a 'changesMessage' row): the host answers every test from now on
      forget() {
        text = null;
        parts = null;
        stale = true;
      },
      list() {
        if (parts === null && text !== null) parts = apply(split, text, [separator]);
        return parts;
      },
    };
    // a string the host takes as it is (within the limit), in ASCII: upper-casing and trimming
    // it cannot differ between engines (QuickJS's Unicode tables are its own)
    const plain = (s) => typeof s === 'string' && s.length * 3 <= maxValueBytes && apply(regexTest, ASCII, [s]);
    function answerOf(row) {
      const a = row.answer;
      const yes = row.returns === 'int' ? 1 : true;
      const no = row.returns === 'int' ? -1 : false;
      const f = a.fact;
      if (a.test === 'is') {
        const value = a.value;
        return (arg, argc) => {
          if (argc !== 0) return undefined;
          const p = parts !== null ? parts : facts.list();
          if (p === null || p[f] === UNKNOWN) return undefined;
          return p[f] === value ? yes : no;
        };
      }
      if (a.test === 'value') {
        return (arg, argc) => {
          if (argc !== 0) return undefined;
          const p = parts !== null ? parts : facts.list();
          if (p === null) return undefined;
          const v = p[f];
          return v === UNKNOWN || v === '' ? undefined : v;
        };
      }
      const test = a.test === 'letterOf' ? letterOf(a.letters) : nameIn;
      // The answer for a fact and an argument never changes: kept (scripts test a few literals;
      // the bound keeps one that makes up arguments from growing it), so an interpreter as slow
      // as QuickJS's answers with two lookups, not a string walk.
      const byFact = new Map();
      return (arg, argc) => {
        if (argc !== 1 || typeof arg !== 'string') return undefined;
        const p = parts !== null ? parts : facts.list();
        if (p === null) return undefined;
        const m = p[f];
        if (m === UNKNOWN) return undefined;
        let byArg = byFact.get(m);
        let r = byArg === undefined ? undefined : byArg.get(arg);
        if (r !== undefined) return r;
        if (!plain(arg)) return undefined;
        r = test(m, arg) ? yes : no;
        if (byArg === undefined && byFact.size < MEMO_FACTS) byFact.set(m, (byArg = new Map()));
        if (byArg !== undefined && byArg.size < MEMO_ARGS && arg.length <= MEMO_ARG_LENGTH) byArg.set(arg, r);
        return r;
      };
    }
    /**
     * A whole JS stub for a row with 'answer': the answer, else viaHost with the same
     * arguments. An 'is' test is written out in it (one call less a test: QuickJS pays ~0.1 µs a call).
     */
    function stubOf(row, viaHost) {
      const a = row.answer;
      if (a.test !== 'is') {
        const answer = answerOf(row);
        return function () {
          const v = answer(arguments[0], arguments.length);
          return v !== undefined ? v : apply(viaHost, undefined, arguments);
        };
      }
      const f = a.fact;
      const value = a.value;
      const yes = row.returns === 'int' ? 1 : true;
      const no = row.returns === 'int' ? -1 : false;
      return function () {
        if (arguments.length === 0) {
          const p = parts !== null ? parts : facts.list();
          if (p !== null) {
            const m = p[f];
            if (m !== UNKNOWN) return m === value ? yes : no;
          }
        }
        return apply(viaHost, undefined, arguments);
      };
    }
    return { facts, answerOf, stubOf };
  };
})()`;
