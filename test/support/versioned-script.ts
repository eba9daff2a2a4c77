// A routing script, Python or Lua, that says which version of itself answered (reload tests):
// every OPTIONS gets 200 with X-Version; `topLevel` is code of that language run at load (a slow
// or endless one).
import assert from 'node:assert/strict';
import { headerValue, request, statusOf, udpExchange } from './sip-client.js';

export function versionedPythonScript(version: string, topLevel = ''): string {
  return `import KSR, time
import json, re, collections
${topLevel}
def ksr_request_route():
    KSR.hdr.append_to_reply("X-Version: ${version}\\r\\n")
    KSR.sl.sl_send_reply(200, "OK")
`;
}

export function versionedLuaScript(version: string, topLevel = ''): string {
  return `${topLevel}
function ksr_request_route()
  KSR.hdr.append_to_reply("X-Version: ${version}\\r\\n")
  KSR.sl.sl_send_reply(200, "OK")
end
`;
}

/** The X-Version of the script now serving on 127.0.0.1:port (asserts a 200). */
export async function versionServed(port: number): Promise<string | undefined> {
  const [r] = await udpExchange(port, request('OPTIONS', port), { waitMs: 2000 });
  assert.equal(statusOf(r ?? ''), 200);
  return headerValue(r!, 'X-Version');
}
