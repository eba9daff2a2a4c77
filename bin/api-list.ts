// The registry in the shape of Kamailio's <engine>.api_list (the control endpoint's
// kemi.api_list, `ksr-host api --json`). Its own file so that `ksr-host api` reads the registry
// without loading the server (bin/server.ts: the engine, the runtimes, the stores).
import { ksrPath, signatureOf, type KsrEntry, type Registry } from '../bindings/registry.js';

/** The registry in the shape of Kamailio's <engine>.api_list, plus our signature text and each function's status. */
export function apiList(registry: Registry) {
  return {
    msize: registry.entries.length,
    methods: registry.entries.map((e) => ({
      func: { ret: e.returns, module: e.module, name: e.name, params: [...e.params, ...(e.variadic ? ['...str'] : [])].join(', ') || 'none', path: ksrPath(e), signature: signatureOf(e), status: e.status },
    })),
  };
}

/**
 * What `ksr-host api` reads: the registry's entries (plain data) and the api_list. The build
 * writes it as dist/api-snapshot.json, so that the command from dist/ answers without building
 * the registry (importing every module's host code took ~200 ms of the command's 300).
 */
export interface ApiSnapshot {
  entries: KsrEntry[];
  list: ReturnType<typeof apiList>;
}

export const API_SNAPSHOT_FILE = 'api-snapshot.json';

export function apiSnapshot(registry: Registry): ApiSnapshot {
  return { entries: [...registry.entries], list: apiList(registry) };
}
