// The server's TLS state at run time (config `tls:`): the contexts in service, the servers
// that present them (the `tls:` listeners, and `wss:` ones that register), and what a
// connection we open uses. A reload reads every file again and swaps the contexts into every
// server at once (setSecureContext; SNI follows the current contexts), or changes nothing.
import net from 'node:net';
import tls from 'node:tls';
import { loadTlsContexts, type TlsContexts, type TlsSettings } from './tls-settings.js';

/** What a reload did, for the reload's answer and the log. */
export type TlsReloadOutcome = { ok: true } | { ok: false; error: string };

export class TlsEndpoint {
  private contexts: TlsContexts;
  private readonly servers = new Set<tls.Server>();

  /** Reads the files now: throws naming the setting and file that fail (the server does not start). */
  constructor(readonly settings: TlsSettings) {
    this.contexts = loadTlsContexts(settings);
  }

  /**
   * Options for tls.createServer / https.createServer. The SNI callback asks the contexts in
   * service at each handshake, so a reload reaches the named certificates too.
   */
  serverOptions(): tls.TlsOptions {
    return {
      ...this.contexts.server,
      SNICallback: (name, cb) => this.contexts.server.SNICallback!(name, cb),
      handshakeTimeout: this.settings.handshakeTimeoutMs,
    };
  }

  /** A server made from serverOptions() that reloads with the others; the returned function forgets it. */
  track(server: tls.Server): () => void {
    this.servers.add(server);
    return () => this.servers.delete(server);
  }

  /** Reads the files again; all or nothing: on failure the running certificates stay. */
  reload(): TlsReloadOutcome {
    let next: TlsContexts;
    try {
      next = loadTlsContexts(this.settings);
    } catch (e) {
      return { ok: false, error: (e as Error).message };
    }
    this.contexts = next;
    for (const s of this.servers) s.setSecureContext(this.serverOptions());
    return { ok: true };
  }

  /**
   * Why an accepted client must go, or null: with verify_client, a client that sent a
   * certificate that does not verify (Node lets it in when a certificate is not required).
   */
  refusal(socket: tls.TLSSocket): string | null {
    if (!this.settings.verifyClient || socket.authorized) return null;
    const sent = Object.keys(socket.getPeerCertificate() ?? {}).length > 0;
    if (!sent) return null; // require_client_certificate refused it in the handshake already
    return `client certificate not verified: ${String(socket.authorizationError ?? 'unknown reason')}`;
  }

  /**
   * Options for tls.connect to ip:port. `host` is the name the target came from: sent as SNI
   * and checked against the certificate; without one, the certificate must name the IP.
   */
  connectOptions(ip: string, port: number, host: string | undefined, localAddress: string | undefined): tls.ConnectionOptions {
    const name = host && net.isIP(host) === 0 ? host : undefined;
    return {
      ...this.contexts.client,
      host: ip,
      port,
      ...(localAddress ? { localAddress } : {}),
      ...(name ? { servername: name } : {}),
      // the name check is against the URI's host, not the address it resolved to
      checkServerIdentity: (_h, cert) => tls.checkServerIdentity(name ?? ip, cert),
    };
  }
}
