// TLS for the `tls:` and `wss:` listeners and for outbound TLS (config `tls:`): the server's
// certificate and key (PEM files), more certificates chosen by SNI, the CA list that verifies
// client certificates (optional) and servers' certificates (outbound), TLS 1.2 at least. The
// files are read when the server starts and again at every script reload (a new certificate
// without a restart): `loadTlsContexts` builds everything at once, so a file that fails leaves
// the contexts in service unchanged.
import { readFileSync } from 'node:fs';
import tls from 'node:tls';

export interface TlsServerName {
  /** The name a client asks for (SNI); `*.example.com` matches one label. */
  serverName: string;
  certificate: string;
  privateKey: string;
}

export interface TlsSettings {
  /** PEM file of the server's certificate (with its chain), for clients that send no SNI or an unknown name. */
  certificate: string;
  /** PEM file of its private key. */
  privateKey: string;
  /** PEM file of the CAs that verify client certificates and, outbound, servers' certificates (default: Node's bundled CAs for servers). */
  caList?: string;
  /** Ask clients for a certificate and verify it against caList. */
  verifyClient: boolean;
  /** With verifyClient: refuse a client that sends none (else it is let in unverified, as Kamailio's require_certificate=0). */
  requireClientCertificate: boolean;
  /** The lowest TLS version accepted, both ways. */
  minVersion: 'TLSv1.2' | 'TLSv1.3';
  /** More certificates, picked by the name the client asks for (SNI). */
  servers: TlsServerName[];
  /** Outbound: verify the server's certificate against caList (or Node's CAs) and its name. Off only by an explicit `verify_server: false`. */
  verifyServer: boolean;
  /** A connection that has not finished its handshake by then is closed (a handshake flood holds no slot for long). */
  handshakeTimeoutMs: number;
}

export const DEFAULT_TLS: Omit<TlsSettings, 'certificate' | 'privateKey'> = {
  verifyClient: false,
  requireClientCertificate: false,
  minVersion: 'TLSv1.2',
  servers: [],
  verifyServer: true,
  handshakeTimeoutMs: 5000,
};

/** What the listeners and outbound connections use; replaced whole at a reload. */
export interface TlsContexts {
  /** Options for tls.createServer / https.createServer (and setSecureContext at a reload). */
  server: tls.TlsOptions;
  /** Options for tls.connect, without host/port/servername. */
  client: tls.ConnectionOptions;
}

function readPem(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new Error(`tls.${what} '${path}': cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

function secureContext(cert: Buffer, key: Buffer, ca: Buffer | undefined, minVersion: TlsSettings['minVersion'], where: string): tls.SecureContext {
  try {
    return tls.createSecureContext({ cert, key, ...(ca ? { ca } : {}), minVersion });
  } catch (e) {
    throw new Error(`${where}: not a usable certificate and key (${(e as Error).message})`);
  }
}

/** A `*.example.com` pattern matches exactly one more label; anything else matches itself, case-insensitively. */
export function serverNameMatches(pattern: string, name: string): boolean {
  const p = pattern.toLowerCase();
  const n = name.toLowerCase();
  if (!p.startsWith('*.')) return p === n;
  const rest = n.slice(n.indexOf('.') + 1);
  return n.includes('.') && rest === p.slice(2);
}

/** Reads every file now and builds the contexts; throws naming the setting and file that fail. */
export function loadTlsContexts(s: TlsSettings): TlsContexts {
  const ca = s.caList ? readPem(s.caList, 'ca_list') : undefined;
  const cert = readPem(s.certificate, 'certificate');
  const key = readPem(s.privateKey, 'private_key');
  const main = secureContext(cert, key, ca, s.minVersion, 'tls.certificate/private_key');
  const named = s.servers.map((n, i) => ({
    name: n.serverName,
    context: secureContext(readPem(n.certificate, `servers[${i}].certificate`), readPem(n.privateKey, `servers[${i}].private_key`), ca, s.minVersion, `tls.servers[${i}] (${n.serverName})`),
  }));
  const server: tls.TlsOptions = {
    cert, key, ...(ca ? { ca } : {}),
    minVersion: s.minVersion,
    requestCert: s.verifyClient,
    rejectUnauthorized: s.verifyClient && s.requireClientCertificate,
    SNICallback: (servername, cb) => cb(null, named.find((n) => serverNameMatches(n.name, servername))?.context ?? main),
  };
  const client: tls.ConnectionOptions = { ...(ca ? { ca } : {}), minVersion: s.minVersion, rejectUnauthorized: s.verifyServer };
  return { server, client };
}
