// Which open connection reaches a peer: by its address "ip|port" (the newest connection wins)
// and by the extra ports add_tcp_alias gives it. One index per listener, TCP/TLS and WebSocket
// alike; a connection that closes takes its own keys with it, never another connection's.

export class PeerIndex {
  private readonly byPeer = new Map<string, number>();
  /** The alias keys of each connection, forgotten with it. */
  private readonly aliases = new Map<number, string[]>();

  /** Connection `id` now reaches its peer at `key` ("ip|port"). */
  add(id: number, key: string): void {
    this.byPeer.set(key, id);
  }

  /** The connection reaching ip:port, if any (its own address or an alias). */
  find(ip: string, port: number): number | undefined {
    return this.byPeer.get(`${ip}|${port}`);
  }

  /** add_tcp_alias: requests to srcIp at `port` go on connection `id` too. */
  alias(id: number, srcIp: string, port: number): void {
    const key = `${srcIp}|${port}`;
    this.byPeer.set(key, id);
    const keys = this.aliases.get(id) ?? [];
    if (!keys.includes(key)) this.aliases.set(id, [...keys, key]);
  }

  /** Connection `id` (reached at `key`) is gone: its keys lead nowhere now, unless a newer connection holds them. */
  forget(id: number, key: string): void {
    for (const k of [key, ...(this.aliases.get(id) ?? [])]) if (this.byPeer.get(k) === id) this.byPeer.delete(k);
    this.aliases.delete(id);
  }
}
