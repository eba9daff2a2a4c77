// A throwaway PKI for the TLS, WSS and browser tests, made with the openssl command (Debian's
// openssl package): a CA, a server certificate for 127.0.0.1/::1/localhost (and more names for
// SNI tests) and a client certificate, each signed by the CA, in a temporary directory.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPki {
  dir: string;
  /** The CA's certificate (PEM file): the trust anchor to give clients and `tls.ca_list`. */
  caCert: string;
  /** A server certificate for `names` (DNS names and IP addresses), and its key. */
  server(name: string, names?: string[]): { cert: string; key: string };
  /** A client certificate with this common name, and its key. */
  client(commonName: string): { cert: string; key: string };
  /** The SHA-256 of a certificate's public key, base64 (Chromium's --ignore-certificate-errors-spki-list). */
  spkiHash(cert: string): string;
  remove(): void;
}

function openssl(args: string[], cwd: string): string {
  return execFileSync('openssl', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
}

const SUBJECT_ALT = (names: string[]) =>
  names.map((n) => (/^[\d.]+$|:/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',');

/** Makes a CA in a fresh temporary directory; certificates are made on demand. */
export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'ksr-pki-'));
  const caKey = join(dir, 'ca.key');
  const caCert = join(dir, 'ca.crt');
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', caKey, '-out', caCert, '-days', '2', '-subj', '/CN=ksr-host test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
  let serial = 1;
  const issue = (base: string, subject: string, ext: string): { cert: string; key: string } => {
    const key = join(dir, `${base}.key`);
    const csr = join(dir, `${base}.csr`);
    const cert = join(dir, `${base}.crt`);
    const extFile = join(dir, `${base}.ext`);
    writeFileSync(extFile, ext);
    openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', csr, '-subj', subject], dir);
    openssl(['x509', '-req', '-in', csr, '-CA', caCert, '-CAkey', caKey, '-set_serial', String(serial++), '-out', cert, '-days', '2', '-extfile', extFile], dir);
    return { cert, key };
  };
  return {
    dir,
    caCert,
    server: (name, names = ['localhost', '127.0.0.1', '::1']) =>
      issue(`server-${name}`, `/CN=${names[0]}`, `basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=${SUBJECT_ALT(names)}\n`),
    client: (commonName) => issue(`client-${commonName}`, `/CN=${commonName}`, 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=clientAuth\n'),
    spkiHash: (cert) => {
      const pub = execFileSync('openssl', ['x509', '-in', cert, '-pubkey', '-noout'], { encoding: 'utf8' });
      const der = execFileSync('openssl', ['pkey', '-pubin', '-outform', 'der'], { input: pub });
      return execFileSync('openssl', ['dgst', '-sha256', '-binary'], { input: der }).toString('base64');
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
