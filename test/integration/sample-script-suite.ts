// The same checks for every runtime: the sample script, served by a real ksr-host process,
// answers sipp's OPTIONS and REGISTER scenarios over UDP and TCP.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { runSipp, scenario } from '../support/sipp.js';
import { headerValue, request, statusOf, udpExchange } from '../support/sip-client.js';

const SCRIPTS = { js: 'routing.js', lua: 'routing.lua', python: 'routing.py' } as const;

export function sampleScriptSuite(language: 'js' | 'lua' | 'python', engine?: 'v8' | 'quickjs'): void {
  const label = `${language}${engine ? ` on ${engine}` : ''}`;
  describe(`sample script, ${label}`, () => {
    let server: ServerProcess;
    before(async () => {
      const script = fileURLToPath(new URL(`../../sample-scripts/${SCRIPTS[language]}`, import.meta.url));
      server = await startServerProcess({ script, engine, startTimeoutMs: 60000 });
    });
    after(async () => server?.stop());

    for (const transport of ['udp', 'tcp'] as const) {
      for (const name of ['options', 'register'] as const) {
        test(`sipp ${name} over ${transport}`, async () => {
          const run = await runSipp({ scenario: scenario(`${name}.xml`), port: server.port, transport, calls: 50, rate: 200 });
          assert.equal(run.code, 0, `sipp failed (${run.code}):\n${run.errors}\n${run.stderr}\n${run.stdout.slice(-2000)}\nserver:\n${server.output().slice(-3000)}`);
        });
      }
    }

    test('replies carry the language, the echoed Contact, and 404 for the rest', async () => {
      const [options] = await udpExchange(server.port, request('OPTIONS', server.port));
      assert.equal(statusOf(options!), 200);
      assert.equal(headerValue(options!, 'X-Routed-By'), language);

      const [reg] = await udpExchange(server.port, request('REGISTER', server.port, { headers: ['Contact: <sip:alice@127.0.0.1:5999>;expires=60'] }));
      assert.equal(statusOf(reg!), 200);
      assert.match(headerValue(reg!, 'Contact') ?? '', /^<sip:alice@127\.0\.0\.1:\d+>;expires=60$/);

      // a request to a user here: no registrar yet, so 404 (nothing leaves loopback)
      const [inv] = await udpExchange(server.port, request('MESSAGE', server.port, { ruri: `sip:bob@127.0.0.1:${server.port}` }));
      assert.equal(statusOf(inv!), 404);
      assert.equal(headerValue(inv!, 'X-Routed-By'), language);

      const [hops] = await udpExchange(server.port, request('OPTIONS', server.port).replace('Max-Forwards: 70', 'Max-Forwards: 0'));
      assert.equal(statusOf(hops!), 483);
    });

    test('kemi.stats counts the request route the engine timed', async () => {
      const { result } = await server.rpc('kemi.stats');
      const route = result.routes.ksr_request_route;
      assert.ok(route.count >= 200, `count ${route.count}`);
      assert.ok(route.min > 0 && route.min <= route.avg && route.avg <= route.max, JSON.stringify(route));
      assert.equal(result.runtime.language, language);
      assert.equal(result.messages.scriptFailures, 0);
    });
  });
}
