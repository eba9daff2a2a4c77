// GET /health (live: the process answers HTTP) and GET /ready (the script is loaded and the
// store answers a ping), for a load balancer, an orchestrator or systemd's watchdogs. /ready
// says why it is not ready, in JSON, with 503.
import type { PageAnswer } from './rpc-server.js';
import type { StoreProbe } from './metrics.js';

export interface ReadinessChecks {
  /** The script's runtime is in service (every worker's, with workers); a reason when it is not. */
  script(): Promise<string | null>;
  store(): StoreProbe;
}

const JSON_TYPE = 'application/json';

export function healthPage(startedAt: number): PageAnswer {
  return { status: 200, contentType: JSON_TYPE, body: JSON.stringify({ status: 'live', uptimeSeconds: Math.floor((Date.now() - startedAt) / 1000) }) };
}

export async function readyPage(checks: ReadinessChecks): Promise<PageAnswer> {
  const reasons: string[] = [];
  const script = await checks.script();
  if (script !== null) reasons.push(`script: ${script}`);
  const store = checks.store();
  if (!store.up) reasons.push('store: it did not answer a ping');
  const body = reasons.length === 0 ? { status: 'ready' } : { status: 'not ready', reasons };
  return { status: reasons.length === 0 ? 200 : 503, contentType: JSON_TYPE, body: JSON.stringify(body) };
}

/** Pings the store once (bounded by the store's own query timeout), timing it. */
export function probeStore(store: { ping(): void } | null): StoreProbe {
  if (store === null) return { up: true, seconds: 0 };
  const t0 = performance.now();
  try {
    store.ping();
    return { up: true, seconds: (performance.now() - t0) / 1000 };
  } catch {
    return { up: false, seconds: (performance.now() - t0) / 1000 };
  }
}
