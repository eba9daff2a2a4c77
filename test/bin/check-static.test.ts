// `ksr-host check FILE` through its real binary: the static check of a script's KSR calls
// (exists, arity, literal argument types as the Dispatcher takes them) and of its named
// routes, in each language; calls inside comments and strings are not calls.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../support/cli-run.js';
import { createRegistry } from '../../bindings/modules/index.js';
import { checkScript } from '../../bindings/script-check/check-script.js';

const SAMPLES = fileURLToPath(new URL('../../sample-scripts/', import.meta.url));
const KAMAILIO_EXAMPLES = '/usr/share/doc/kamailio/examples/kemi';
const dir = mkdtempSync(join(tmpdir(), 'ksr-check-static-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

interface Problem {
  line: number;
  severity: 'error' | 'warning';
  message: string;
}
interface Report {
  loaded: boolean;
  callbacks: string[];
  routes: { name: string; via: string; line: number; defined: boolean }[];
  problems: Problem[];
  errors: number;
  warnings: number;
}
const cli = (...args: string[]) => runCli(args, { cwd: dir, timeoutMs: 90_000 });

async function checkJson(file: string): Promise<{ code: number | null; report: Report }> {
  const r = await cli('check', file, '--json');
  assert.equal(r.err, '', `no stderr for ${file}`);
  return { code: r.code, report: JSON.parse(r.out) as Report };
}

const linesOf = (report: Report, severity: Problem['severity']): number[] =>
  report.problems.filter((p) => p.severity === severity).map((p) => p.line);

function scriptFile(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

// The same mistakes on the same lines in each language: 7 unknown function, 8 arity,
// 9 a str literal for an int (refused: error), 10 an int literal for a str (converted:
// warning; so is a numeric str for a long), 11 a failure route that is no function; lines
// 1-6 hide calls in comments and strings, and hold calls that are fine.
const EXPECTED_ERRORS = [7, 8, 9, 11];
const EXPECTED_WARNINGS = [10, 10];

const BAD_JS = scriptFile('bad.js', [
  '// KSR.nosuch.fn("x") in a comment',
  '/* KSR.hdr.nope(1, 2)',
  '   */ function ksr_request_route() {',
  '  var s = "KSR.bogus.call(1)" + \'KSR.b2.c(\' + /KSR.re.gex\\("/.source;',
  '  var t = `KSR.also.bogus() ${KSR.pv.get("$ru")} KSR.b4.c()`;',
  '  KSR.tm.t_on_reply(""); KSR.info(`${s}${t}`);',
  '  KSR.hdr.apend("X-A: 1\\r\\n");',
  '  KSR.sl.sl_send_reply(404);',
  '  KSR.sl.sl_send_reply("404", "Not Found");',
  '  KSR.hdr.append(42); KSR.pv.setl("$var(n)", "12");',
  '  KSR.tm.t_on_failure("no_such_route"); KSR.tm.t_on_branch("branch_ok");',
  '}',
  'function branch_ok() {}',
]);

const BAD_LUA = scriptFile('bad.lua', [
  '-- KSR.nosuch.fn("x") in a comment',
  '--[[ KSR.hdr.nope(1, 2)',
  ']] --[==[ KSR.x.y() ]==] function ksr_request_route()',
  '  local s = "KSR.bogus.call(1)" .. \'KSR.b2.c(\' .. [[KSR.b3.c(]]',
  '  local t = [==[ KSR.b4.c( ]] ]==] .. KSR.pv.get("$ru")',
  '  KSR.tm.t_on_reply("") KSR.info(s .. t)',
  '  KSR.hdr.apend("X-A: 1\\r\\n")',
  '  KSR.sl.sl_send_reply(404)',
  '  KSR.sl.sl_send_reply("404", "Not Found")',
  '  KSR.hdr.append(42) KSR.pv.setl("$var(n)", "12")',
  '  KSR.tm.t_on_failure("no_such_route") KSR.tm.t_on_branch("branch_ok")',
  'end',
  'function branch_ok() end',
]);

const BAD_PY = scriptFile('bad.py', [
  '# KSR.nosuch.fn("x") in a comment',
  'import KSR as KSR',
  '"""KSR.hdr.nope(1, 2)',
  '"""; s = \'KSR.bogus.call(1)\' + r"KSR.b2.c(\\" KSR.b3.c(" + f"KSR.b4.c({1})"',
  'def mod_init(): return kamailio()',
  'class kamailio:',
  '  def ksr_request_route(self, msg): KSR.tm.t_on_reply(""); KSR.info(s); KSR.hdr.apend("X-A: 1\\r\\n")',
  '  def a(self, msg): return KSR.sl.sl_send_reply(404)',
  '  def b(self, msg): return KSR.sl.sl_send_reply("404", \'\'\'Not Found\'\'\')',
  '  def c(self, msg): KSR.pv.setl("$var(n)", "12"); return KSR.hdr.append(42)',
  '  def branch_ok(self, msg): KSR.tm.t_on_failure("no_such_route"); KSR.tm.t_on_branch("branch_ok")',
]);

for (const [language, file] of [['JavaScript', BAD_JS], ['Lua', BAD_LUA], ['Python', BAD_PY]] as const) {
  test(`${language}: unknown function, arity, literal types and a missing route are found at their lines; comments and strings are not calls`, { timeout: 120_000 }, async () => {
    const { code, report } = await checkJson(file);
    assert.equal(report.loaded, true, JSON.stringify(report.problems));
    assert.deepEqual(linesOf(report, 'error'), EXPECTED_ERRORS, JSON.stringify(report.problems, null, 1));
    assert.deepEqual(linesOf(report, 'warning'), EXPECTED_WARNINGS, JSON.stringify(report.problems, null, 1));
    assert.equal(code, 1);
    const messages = report.problems.map((p) => p.message).join('\n');
    assert.match(messages, /KSR\.hdr\.apend: no such function \(did you mean KSR\.hdr\.append\?\)/);
    assert.match(messages, /KSR\.sl\.sl_send_reply: expected 2 argument\(s\), got 1/);
    assert.match(messages, /argument 1 is int, got the str literal "404"/);
    assert.match(messages, /KSR\.tm\.t_on_failure: route "no_such_route" is no function of the script/);
    assert.deepEqual(report.routes.map((r) => [r.name, r.defined]), [['branch_ok', true], ['no_such_route', false]].sort(byLineOf(report)));
  });
}

/** The routes in the order the report lists them (by line, then as written). */
function byLineOf(report: Report) {
  const index = (name: unknown) => report.routes.findIndex((r) => r.name === name);
  return (a: (string | boolean)[], b: (string | boolean)[]) => index(a[0]) - index(b[0]);
}

test('the text report names each problem by file:line and the named routes; exit 1 on errors', { timeout: 60_000 }, async () => {
  const r = await cli('check', BAD_JS);
  assert.equal(r.code, 1);
  assert.match(r.out, /bad\.js: OK \(js on v8\); callbacks: ksr_request_route/);
  assert.match(r.out, /named routes:\n {2}no_such_route \(KSR\.tm\.t_on_failure, line 11\): not defined\n {2}branch_ok \(KSR\.tm\.t_on_branch, line 11\)\n/);
  assert.match(r.out, /bad\.js:7: error: KSR\.hdr\.apend: no such function/);
  assert.match(r.out, /bad\.js:10: warning: KSR\.hdr\.append: argument 1 is str, got the int literal 42/);
  assert.match(r.out, /4 error\(s\), 2 warning\(s\)\n$/);
});

test('warnings alone exit 0; a script that does not load is an error at its line, and the static check still runs', { timeout: 60_000 }, async () => {
  const warned = await cli('check', scriptFile('warn.js', ['function ksr_request_route() { KSR.hdr.append(1); }']));
  assert.equal(warned.code, 0, warned.out + warned.err);
  assert.match(warned.out, /0 error\(s\), 1 warning\(s\)/);
  const broken = await checkJson(scriptFile('broken.js', ['function ksr_request_route() {', '  KSR.nope();', '  var x = ;', '}']));
  assert.equal(broken.code, 1);
  assert.equal(broken.report.loaded, false);
  assert.deepEqual(linesOf(broken.report, 'error'), [2, 3]);
  assert.match(broken.report.problems[1]!.message, /does not load: SyntaxError/);
});

const CLEAN = ['routing.js', 'routing.lua', 'routing.py'].map((f) => join(SAMPLES, f));
for (const file of CLEAN) {
  test(`the sample ${file.slice(SAMPLES.length)} checks clean, with its named routes`, { timeout: 120_000 }, async () => {
    const { code, report } = await checkJson(file);
    assert.deepEqual(report.problems, []);
    assert.equal(code, 0);
    assert.deepEqual(report.routes.map((r) => r.name), ['ksr_branch_manage', 'ksr_onreply_manage', 'ksr_failure_manage']);
    assert.ok(report.routes.every((r) => r.defined));
  });
}

for (const name of ['kamailio-basic-kemi-lua.lua', 'kamailio-basic-kemi-python.py', 'kamailio-basic-kemi-jsdt.js']) {
  const file = join(KAMAILIO_EXAMPLES, name);
  test(`Kamailio's example ${name} checks clean (the JS one: KSR.hdr.append_hf, which no Kamailio exports)`, { skip: !existsSync(file) && 'no Kamailio examples here', timeout: 120_000 }, async () => {
    const { code, report } = await checkJson(file);
    assert.deepEqual(report.callbacks, ['ksr_request_route', 'ksr_reply_route']);
    assert.ok(report.routes.length === 3 && report.routes.every((r) => r.defined));
    if (!name.endsWith('.js')) {
      assert.deepEqual(report.problems, []);
      assert.equal(code, 0);
      return;
    }
    assert.deepEqual(report.problems.map((p) => [p.line, p.severity]), [[335, 'error']]);
    assert.match(report.problems[0]!.message, /^KSR\.hdr\.append_hf: no such function \(did you mean KSR\.hdr\.append\?\)$/);
    assert.equal(code, 1);
  });
}

test('the scanner: nested templates, regular expressions, Lua long strings, spreads and computed arguments', () => {
  const entries = createRegistry().entries;
  const js = checkScript(
    'const f = `a ${`b ${KSR.nope1()}`} c`; const r = /[/"]KSR.nope2(/g; const d = 4 / 2; KSR.info(...xs); KSR.x.modf("a", "b"); KSR.hdr.append("a" + 1);',
    'js', entries,
  );
  assert.deepEqual(js.problems.map((p) => p.message.split(':')[0]), ['KSR.nope1']);
  const lua = checkScript('KSR.info(f()) --[=[ KSR.nope3( ]] ]=] KSR.sl.sl_send_reply(404, "x", 3)', 'lua', entries);
  assert.deepEqual(lua.problems.map((p) => p.message), ['KSR.sl.sl_send_reply: expected 2 argument(s), got 3; the signature is KSR.sl.sl_send_reply(int, str)']);
  const py = checkScript("KSR.info(*a)\nKSR.sl.sl_send_reply(1.5, None)\nKSR.route('r')\ndef r(): pass", 'python', entries);
  assert.deepEqual(py.problems.map((p) => [p.line, p.severity]), [[2, 'error'], [2, 'error']]);
  assert.deepEqual(py.routes, [{ name: 'r', via: 'KSR.route', line: 3, defined: true }]);
});
