// The command line through its real binary (bin/ksr-host.mjs): every command and subcommand
// answers --help on stdout with exit 0, --version prints package.json's version, and one
// exit-code rule holds: 2 for any usage error (commander's or a command's), 1 for a failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KSR_HOST_BIN, runCli, type CliRun } from '../support/cli-run.js';
import { loadFunctionDocs } from '../../bindings/docs/function-docs.js';

// an empty directory and no $KSR_HOST_CONFIG: no config file of this machine's is picked up
const cwd = mkdtempSync(join(tmpdir(), 'ksr-cli-help-'));
test.after(() => rmSync(cwd, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(args, { cwd });

const COMMANDS = [
  [], ['run'], ['check'], ['rpc'], ['api'],
  ['user'], ['user', 'add'], ['user', 'passwd'], ['user', 'rm'], ['user', 'list'], ['user', 'import'],
  ['ul'], ['ul', 'dump'], ['ul', 'show'], ['ul', 'rm'], ['ul', 'add'],
];

test('every command and subcommand answers --help on stdout, exit 0, with the exit-code rule', { timeout: 120_000 }, async () => {
  const runs = await Promise.all(COMMANDS.map((words) => cli(...words, '--help')));
  runs.forEach((r, i) => {
    const name = ['ksr-host', ...COMMANDS[i]!].join(' ');
    assert.equal(r.code, 0, `${name} --help: ${r.err}`);
    assert.equal(r.err, '', name);
    assert.match(r.out, new RegExp(`^Usage: ${name}( |$)`, 'm'), name);
    assert.match(r.out, /Exit status: 0 done, 1 runtime failure .*, 2 usage error/, name);
  });
});

test('ksr-host --version prints the version of package.json', async () => {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  assert.deepEqual(await cli('--version'), { code: 0, out: `${version}\n`, err: '' });
});

test('run --help says where the config file is looked for and which one is used now', async () => {
  const r = await cli('run', '--help');
  assert.match(r.out, /Config file: --config FILE, \$KSR_HOST_CONFIG, \.\/ksr-host\.yaml, \/etc\/ksr-host\/ksr-host\.yaml \(the first that exists\)/);
  assert.match(r.out, /Used now: embedded defaults \(no config file found\)/);
});

test('usage errors exit 2, whoever finds them; runtime failures exit 1', { timeout: 120_000 }, async () => {
  const [noCommand, unknownCommand, unknownFlag, missingArg, extraArg, unknownSub, badAccount, badEngine, badContact, notFound, badControl] = await Promise.all([
    cli(),
    cli('serve'),
    cli('api', '--bogus'),
    cli('check'),
    cli('api', 'a', 'b'),
    cli('ul', 'flush'),
    cli('user', 'add', 'alice', 'pw', '--store', 'sqlite::memory:'),
    cli('run', '--engine', 'spidermonkey'),
    cli('ul', 'add', 'alice', 'not-a-uri', '--no-server', '--store', 'sqlite::memory:'),
    cli('check', join(cwd, 'missing.js')),
    cli('rpc', 'core.version', '--control', 'nonsense'),
  ]);
  assert.equal(noCommand.code, 2);
  assert.match(noCommand.err, /Usage: ksr-host/);
  assert.deepEqual([unknownCommand.code, unknownFlag.code, missingArg.code, extraArg.code, unknownSub.code], [2, 2, 2, 2, 2]);
  assert.match(unknownCommand.err, /unknown command 'serve'/);
  assert.match(unknownFlag.err, /unknown option '--bogus'/);
  assert.match(missingArg.err, /missing required argument 'file'/);
  assert.match(extraArg.err, /too many arguments/);
  assert.match(unknownSub.err, /unknown command 'flush'/);
  assert.deepEqual({ code: badAccount.code, err: badAccount.err }, { code: 2, err: "ksr-host: expected USER@DOMAIN, saw 'alice'\n" });
  assert.equal(badEngine.code, 2);
  assert.match(badEngine.err, /--engine 'spidermonkey': expected v8 or quickjs/);
  assert.equal(badContact.code, 2);
  assert.match(badContact.err, /expected a SIP URI as contact/);
  assert.deepEqual(badControl, { code: 2, out: '', err: "ksr-host: --control 'nonsense': expected IP:PORT, e.g. 127.0.0.1:5080\n" });
  assert.equal(notFound.code, 1);
  assert.match(notFound.err, /cannot read .*missing\.js: ENOENT/);
});

test('ksr-host api FUNCTION: named signature, what it does, return codes, status and the Kamailio docs link; an unknown one is said', async () => {
  const [plain, prefixed, core, unknown, json] = await Promise.all([
    cli('api', 'sanity.sanity_check'),
    cli('api', 'KSR.sanity.sanity_check'),
    cli('api', 'KSR.info'),
    cli('api', 'htable.sht_gett'),
    cli('api', 'hdr.append', '--json'),
  ]);
  assert.equal(plain.code, 0, plain.err);
  const doc = loadFunctionDocs().get('sanity.sanity_check')!;
  assert.equal(
    plain.out,
    `KSR.sanity.sanity_check(msg_checks: int, uri_checks: int): int\n  ${doc.does}\nreturns: ${doc.returns}\nstatus: complete\n` +
      'Kamailio docs: https://www.kamailio.org/docs/modules/stable/modules/sanity.html\n',
  );
  assert.equal(prefixed.out, plain.out);
  assert.match(core.out, /^KSR\.info\([a-z_]+: str\): none\n  .+\nreturns: .+\nstatus: complete\nKamailio docs: https:\/\/www\.kamailio\.org\/docs\/tutorials\/devel\/kamailio-kemi-framework\/core\/\n$/);
  assert.equal(unknown.code, 1);
  assert.match(unknown.err, /no KSR function 'htable\.sht_gett' \(expected MODULE\.FUNCTION, e\.g\. htable\.sht_get\)/);
  const one = JSON.parse(json.out) as { path: string; status: string; docs: string; params: string[]; param_names: string[]; does: string; returns: string };
  assert.equal(one.path, 'KSR.hdr.append');
  assert.equal(one.status, 'complete');
  assert.deepEqual(one.param_names, loadFunctionDocs().get('hdr.append')!.params);
  assert.equal(one.param_names.length, 1);
  assert.ok(one.does.length > 0 && one.returns.length > 0);
  assert.equal(one.docs, 'https://www.kamailio.org/docs/tutorials/devel/kamailio-kemi-framework/core/');
});

test('every printing command ends quietly when its reader stops early (| head)', { timeout: 60_000 }, async () => {
  const env = { ...process.env };
  delete env.KSR_HOST_CONFIG;
  // a real pipe to a real head; bash reports the exit code of ksr-host
  const line = `"${process.execPath}" "${KSR_HOST_BIN}" api | head -c 10 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`;
  const r = await new Promise<CliRun>((resolve) =>
    execFile('bash', ['-c', line], { cwd, env, timeout: 60_000 }, (e, out, err) => resolve({ code: e ? 1 : 0, out, err })),
  );
  assert.match(r.out, /exit=0/, `stderr: ${r.err}`);
  assert.doesNotMatch(r.err, /EPIPE|Error/);
});
