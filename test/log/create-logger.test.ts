// The server's logger: JSON when stdout is not a terminal, pino-pretty when it is, and the
// config's log.format over both; checked in process and in a child whose stdout is a real
// terminal (util-linux `script` gives it a pty) or a pipe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createLogger, logFormatFor } from '../../host/log/create-logger.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let out = '';
  stream.on('data', (d) => (out += d));
  return { stream, text: () => out };
}

test('the format: the config says, else pretty on a terminal and JSON elsewhere', () => {
  assert.equal(logFormatFor({ level: 'info' }, true), 'pretty');
  assert.equal(logFormatFor({ level: 'info' }, false), 'json');
  assert.equal(logFormatFor({ level: 'info', format: 'auto' }, true), 'pretty');
  assert.equal(logFormatFor({ level: 'info', format: 'json' }, true), 'json');
  assert.equal(logFormatFor({ level: 'info', format: 'pretty' }, false), 'pretty');
});

test('JSON: one object a line, with the level and the fields', () => {
  const out = capture();
  createLogger({ log: { level: 'info' } }, { isTty: false, destination: out.stream }).info({ file: 's.lua' }, 'script loaded');
  const line = JSON.parse(out.text().trim());
  assert.deepEqual([line.level, line.msg, line.file], [30, 'script loaded', 's.lua']);
});

test('pretty: a readable line with the level name, no JSON; a traced SIP message shown one header a line', () => {
  const out = capture();
  const log = createLogger({ log: { level: 'debug', format: 'pretty' } }, { isTty: false, destination: out.stream });
  log.info({ file: 's.lua', loadMs: 12 }, 'script loaded');
  log.info({ trace: 'in', sip: 'OPTIONS sip:a SIP/2.0\r\nCall-ID: c1\r\n\r\n' }, 'SIP in udp');
  const text = out.text();
  assert.match(text, /INFO.*script loaded/);
  assert.match(text, /loadMs: 12/);
  assert.match(text, /\| OPTIONS sip:a SIP\/2\.0\n\s+\| Call-ID: c1/);
  assert.throws(() => JSON.parse(text.split('\n')[0]!));
  assert.doesNotMatch(text, /\\r\\n/);
});

test('the level holds: debug lines are dropped at info', () => {
  const out = capture();
  const log = createLogger({ log: { level: 'info', format: 'json' } }, { destination: out.stream });
  log.debug('hidden');
  log.info('shown');
  assert.doesNotMatch(out.text(), /hidden/);
  assert.match(out.text(), /shown/);
});

/** A child that makes the logger from its defaults (stdout decides) and logs one line. */
const CHILD = `import('./host/log/create-logger.ts').then((m) => m.createLogger({ log: { level: 'info' } }).info({ k: 1 }, 'hello from the child'))`;

test('a real process: JSON into a pipe, pretty on a terminal', { skip: spawnSync('script', ['--version']).status !== 0 && 'no util-linux script to make a pty' }, () => {
  const node = [process.execPath, '--import', 'tsx', '-e', CHILD];
  const piped = spawnSync(node[0]!, node.slice(1), { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
  assert.equal(piped.status, 0, piped.stderr);
  assert.equal(JSON.parse(piped.stdout.trim()).msg, 'hello from the child');
  const quoted = node.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const tty = spawnSync('script', ['-qec', quoted, '/dev/null'], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
  assert.equal(tty.status, 0, tty.stderr);
  // eslint-disable-next-line no-control-regex
  const plain = tty.stdout.replace(/\u001b\[[0-9;]*m/g, '');
  assert.match(plain, /INFO.*hello from the child/);
  assert.doesNotMatch(plain, /"msg":/);
});
