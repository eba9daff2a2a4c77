// Serves the test phone to the browser: phone.html, phone.js and JsSIP. The jssip package ships
// CommonJS only (lib/, no browser bundle), so it is bundled here with esbuild (a dependency of
// the project) into one script that sets `window.JsSIP`. Plain HTTP on 127.0.0.1 is a secure
// context for Chromium (getUserMedia works); the SIP side is WSS.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const HERE = fileURLToPath(new URL('.', import.meta.url));

let jssipBundle: Promise<string> | undefined;

/** JsSIP as one browser script (built once per process). */
export function jssipScript(): Promise<string> {
  jssipBundle ??= build({
    entryPoints: [require.resolve('jssip')],
    bundle: true,
    format: 'iife',
    globalName: 'JsSIP',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  return jssipBundle;
}

export interface PageServer {
  /** The phone page's URL. */
  url: string;
  close(): Promise<void>;
}

const FILES: Record<string, { file: string; type: string }> = {
  '/phone.html': { file: 'phone.html', type: 'text/html; charset=utf-8' },
  '/phone.js': { file: 'phone.js', type: 'text/javascript; charset=utf-8' },
};

export async function startPageServer(): Promise<PageServer> {
  const jssip = await jssipScript();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/jssip.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(jssip);
      return;
    }
    const entry = FILES[path];
    if (!entry) {
      res.writeHead(404).end(`no ${path} here`);
      return;
    }
    res.writeHead(200, { 'content-type': entry.type, 'cache-control': 'no-store' }).end(readFileSync(HERE + entry.file));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/phone.html`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
