// Types of bin/plain-names-hooks.mjs (a module hook file, plain JavaScript: it runs before tsx can).
export declare const KEEP_NAMES_HELPER: string;
export declare const PLAIN_HELPER: string;
export declare function load(
  url: string,
  context: object,
  nextLoad: (url: string, context: object) => Promise<{ format?: string | null; source?: string | ArrayBuffer | Uint8Array | null }>,
): Promise<{ format?: string | null; source?: string | ArrayBuffer | Uint8Array | null }>;
