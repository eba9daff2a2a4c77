// The process's last resort (bin/process-guard.ts), in a child process of its own: an uncaught
// exception and an unhandled rejection are logged loudly and counted, and the process keeps
// running; a storm of uncaught exceptions ends it with code 70 for a supervisor to restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const GUARD = fileURLToPath(new URL('../../bin/process-guard.ts', import.meta.url));

function runChild(body: string): Promise<{ code: number | null; out: string }> {
  const program = `
import { installProcessGuard, processFaults } from ${JSON.stringify(GUARD)};
import { pino } from 'pino';
installProcessGuard(pino());
${body}
`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', program], { stdio: ['ignore', 'pipe', 'pipe'], cwd: fileURLToPath(new URL('../..', import.meta.url)) });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  return new Promise((resolve) => child.once('exit', (code) => (clearTimeout(timer), resolve({ code, out }))));
}

test('an uncaught exception and an unhandled rejection are logged at fatal and counted; the process keeps running', async () => {
  const r = await runChild(`
setTimeout(() => { throw new Error('thrown in a timer'); }, 10);
setTimeout(() => { Promise.reject(new Error('rejected, never caught')); }, 20);
setTimeout(() => { console.log('STILL RUNNING ' + JSON.stringify(processFaults)); process.exit(0); }, 300);
`);
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /STILL RUNNING \{"uncaughtExceptions":1,"unhandledRejections":1\}/);
  const lines = r.out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
  const fatal = lines.filter((l) => l.level === 60);
  assert.equal(fatal.length, 2, r.out);
  const thrown = fatal.find((l) => /BUG: uncaught exception/.test(l.msg));
  const rejected = fatal.find((l) => /BUG: unhandled promise rejection/.test(l.msg));
  assert.match(thrown?.err.stack, /thrown in a timer/);
  assert.match(rejected?.err.message, /rejected, never caught/);
});

test('a storm of uncaught exceptions ends the process with code 70', async () => {
  const r = await runChild(`
let n = 0;
const t = setInterval(() => { if (++n > 200) { clearInterval(t); console.log('NOT STOPPED'); process.exit(0); } throw new Error('again ' + n); }, 1);
`);
  assert.equal(r.code, 70, r.out.slice(-2000));
  assert.match(r.out, /too many uncaught exceptions/);
});
