// The build (bin/build.mjs) and what runs from dist/ without tsx: the CLI's quick commands, and
// a server with two worker threads that answers SIP and stops on SIGTERM. The build goes into
// the real dist/ (no copy): bin/ksr-host.mjs runs dist/ only while its stamp is not older than
// the sources, so a build here can never make another test run stale code.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import dgram from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../support/ports.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/bin/cli.js');
// loaded first in the process and in every worker thread (they inherit execArgv): any module
// from tsx, or any .ts file, fails the load, so a pass proves dist/ runs on plain node
const NO_TSX = `data:text/javascript,${encodeURIComponent(`
import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (r.url.includes('/node_modules/tsx/') || /\\\\.[cm]?ts$/.test(r.url)) throw new Error('dist/ loaded ' + r.url);
  return r;
}\`));
`)}`;
const NODE_ARGS = ['--no-node-snapshot', '--import', NO_TSX, CLI];

before(() => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/build.mjs')], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  assert.equal(r.status, 0, `bin/build.mjs: ${r.stdout}${r.stderr}`);
});

function runBuilt(args: string[], cwd = ROOT): { status: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [...NODE_ARGS, ...args], { cwd, encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

test('the built CLI answers --version and api without tsx', () => {
  const version = runBuilt(['--version']);
  assert.equal(version.status, 0, version.err);
  assert.match(version.out, /^\d+\.\d+\.\d+/);
  const api = runBuilt(['api', 'sl.sl_send_reply']);
  assert.equal(api.status, 0, api.err);
  assert.match(api.out, /sl_send_reply/);
  assert.match(api.out, /status: /);
});

/** Resolves with the first stdout text that matches, or rejects after ms (the output so far in the error). */
function waitForOutput(child: ReturnType<typeof spawn>, pattern: RegExp, ms: number): Promise<void> {
  let seen = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`expected ${pattern} within ${ms} ms; output: ${seen.slice(-2000)}`)), ms);
    const onData = (d: Buffer) => {
      seen += d.toString();
      if (pattern.test(seen)) (clearTimeout(timer), resolve());
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => (clearTimeout(timer), reject(new Error(`exited (${code ?? signal}) before ${pattern}; output: ${seen.slice(-2000)}`))));
  });
}

function optionsPing(port: number, ms: number): Promise<string> {
  const socket = dgram.createSocket('udp4');
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`expected a reply to OPTIONS on udp:127.0.0.1:${port} within ${ms} ms`)), ms);
    socket.on('message', (m) => (clearTimeout(timer), resolve(m.toString())));
    socket.bind(0, '127.0.0.1', () => {
      const local = socket.address().port;
      const msg = [
        `OPTIONS sip:127.0.0.1:${port} SIP/2.0`,
        `Via: SIP/2.0/UDP 127.0.0.1:${local};branch=z9hG4bK-build-${Date.now()};rport`,
        'Max-Forwards: 70',
        `From: <sip:probe@127.0.0.1>;tag=build1`,
        `To: <sip:127.0.0.1:${port}>`,
        `Call-ID: build-dist-${Date.now()}@127.0.0.1`,
        'CSeq: 1 OPTIONS',
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n');
      socket.send(msg, port, '127.0.0.1');
    });
  }).finally(() => socket.close());
}

test('a server from dist/ runs two worker threads, answers OPTIONS with 200 and stops on SIGTERM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ksr-build-'));
  const [sip, control] = [await freePort(), await freePort()];
  const args = ['run', '--listen', `udp:127.0.0.1:${sip}`, '--control', `127.0.0.1:${control}`, '--workers', '2', '--script', join(ROOT, 'sample-scripts/routing.js'), '--store', `sqlite:${join(dir, 'k.db')}`, '--state-dir', dir];
  const server = spawn(process.execPath, [...NODE_ARGS, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));
  try {
    await waitForOutput(server, /ksr-host serving/, 30_000);
    assert.match(await optionsPing(sip, 5000), /^SIP\/2\.0 200 /);
    const psx = runBuilt(['rpc', 'core.psx', '--control', `127.0.0.1:${control}`, '--state-dir', dir], dir);
    assert.equal(psx.status, 0, psx.err);
    const workers = (JSON.parse(psx.out) as { DSC: string; state: string }[]).filter((p) => p.DSC.startsWith('worker '));
    assert.equal(workers.length, 2, `core.psx: expected 2 worker threads, got ${psx.out}`);
    server.kill('SIGTERM');
    const end = await Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), 15_000))]);
    assert.deepEqual(end, { code: 0, signal: null }, 'expected exit 0 within 15 s of SIGTERM');
  } finally {
    server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
