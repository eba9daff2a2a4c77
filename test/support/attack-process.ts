// Runs one attack of sip-attacks.ts in a process of its own, as a real attacker would be: its
// work (writing and parsing thousands of messages) then never delays the legitimate probes
// running in the test process, whose waits are what the tests measure.
//   node --import tsx test/support/attack-process.ts NAME 'JSON-ARGS'  → prints the report as JSON
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as attacks from './sip-attacks.js';

const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

type Attacks = {
  pipelinedBurst: typeof attacks.pipelinedBurst;
  heldConnections: typeof attacks.heldConnections;
  slowloris: typeof attacks.slowloris;
  udpFlood: typeof attacks.udpFlood;
};
const RUNNERS: Attacks = {
  pipelinedBurst: attacks.pipelinedBurst,
  heldConnections: attacks.heldConnections,
  slowloris: attacks.slowloris,
  udpFlood: attacks.udpFlood,
};

/** Runs RUNNERS[name](args) in a child process; rejects when it fails or outlives timeoutMs. */
export function runAttack<K extends keyof Attacks>(name: K, args: Parameters<Attacks[K]>[0], timeoutMs = 60_000): Promise<Awaited<ReturnType<Attacks[K]>>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SELF, name, JSON.stringify(args)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`attack ${name} exited with ${code}: ${err.slice(-2000)}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()!));
      } catch {
        reject(new Error(`attack ${name}: no report in its output: ${out.slice(-500)} ${err.slice(-500)}`));
      }
    });
  });
}

if (process.argv[1] === SELF) {
  const [name, json] = process.argv.slice(2) as [keyof Attacks, string];
  const run = RUNNERS[name] as (a: unknown) => Promise<unknown>;
  if (!run) throw new Error(`unknown attack '${name}'; expected one of ${Object.keys(RUNNERS).join(', ')}`);
  const report = await run(JSON.parse(json));
  process.stdout.write(JSON.stringify(report) + '\n');
  process.exit(0);
}
