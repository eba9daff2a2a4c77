// Credentials for the auth conformance cases, computed when the table loads: nonces signed with
// the key every core without a configured auth.secret uses (this process's random one), so a
// fresh test core accepts them; responses computed independently (test/auth/digest-client.ts).
import { DigestAuth } from '../../host/auth/digest-auth.js';
import { challengeParams, credentialsValue, type ClientInput } from '../auth/digest-client.js';
import { RecordingCore } from '../support/sip-fixtures.js';

/**
 * When the table's credentials were made, and the auth clock of every conformance case
 * (check-case.ts): the four runtimes' runs of the table may take longer than a nonce lives
 * (300 s, seen in a loaded `.ci/run`), and FRESH must not turn stale in the last of them.
 */
export const CREDENTIALS_AT_MS = Date.now();

/** A nonce of this process's default key, issued `ageS` seconds before CREDENTIALS_AT_MS. */
function nonce(ageS: number): string {
  const issuer = new DigestAuth(new RecordingCore(), {}, () => CREDENTIALS_AT_MS - ageS * 1000);
  return challengeParams(issuer.challenge('localhost', { qop: ['auth'], stale: false })[0]!).get('nonce')!;
}

const FRESH = nonce(0);
const EXPIRED = nonce(400);

const base = (over: Partial<ClientInput>): string =>
  credentialsValue({
    username: 'alice', password: 'wonderland', realm: 'localhost', nonce: FRESH, method: 'REGISTER', uri: 'sip:localhost', ...over,
  });

/** The register fixture's Authorization line, for `edit`. */
export const FIXTURE_AUTH_LINE =
  'Authorization: Digest username="alice", realm="localhost", nonce="abc", uri="sip:localhost", response="0123456789abcdef0123456789abcdef"';

/** An edit of the register fixture giving it valid credentials (password "wonderland"), or other ones. */
export const registerAuth = (over: Partial<ClientInput> = {}): [string, string] => [FIXTURE_AUTH_LINE, `Authorization: ${base(over)}`];

export const registerStale = (): [string, string] => registerAuth({ nonce: EXPIRED });

/** An edit of the invite fixture adding Proxy-Authorization for its INVITE to sip:bob@example.com. */
export const inviteProxyAuth = (over: Partial<ClientInput> = {}): [string, string] => [
  'Supported: timer, 100rel',
  `Proxy-Authorization: ${base({ method: 'INVITE', uri: 'sip:bob@example.com', ...over })}\r\nSupported: timer, 100rel`,
];
