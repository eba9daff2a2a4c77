// pike's modparams, from `modules: { pike: {...} }` (Kamailio's names), checked at start.
export interface PikeSettings {
  /** sampling_time_unit (s): the length of a counting window. */
  readonly samplingTimeUnit: number;
  /** reqs_density_per_unit: requests per window from one address before it is blocked. */
  readonly reqsDensityPerUnit: number;
  /** remove_latency (s): how long an address stays known after its last request. */
  readonly removeLatency: number;
  /** pike_log_level: Kamailio's level of the BLOCKing/UNBLOCKing lines (L_WARN = 0, its default). */
  readonly logLevel: number;
  /** max_entries (ours): addresses tracked at most; the longest idle goes first. */
  readonly maxEntries: number;
}

export const PIKE_DEFAULTS: PikeSettings = { samplingTimeUnit: 2, reqsDensityPerUnit: 30, removeLatency: 120, logLevel: 0, maxEntries: 100_000 };

const KEYS: Record<string, { field: keyof PikeSettings; min: number; max: number }> = {
  sampling_time_unit: { field: 'samplingTimeUnit', min: 1, max: 3600 },
  reqs_density_per_unit: { field: 'reqsDensityPerUnit', min: 1, max: 1_000_000 },
  remove_latency: { field: 'removeLatency', min: 1, max: 86_400 },
  pike_log_level: { field: 'logLevel', min: -5, max: 3 },
  max_entries: { field: 'maxEntries', min: 16, max: 10_000_000 },
};

export function parsePikeSettings(config: unknown): PikeSettings {
  if (config === undefined || config === null) return PIKE_DEFAULTS;
  if (typeof config !== 'object' || Array.isArray(config)) throw new Error(`modules.pike: expected a mapping of ${Object.keys(KEYS).join(', ')}, got ${JSON.stringify(config)}`);
  const out: Record<string, number> = { ...PIKE_DEFAULTS };
  for (const [k, v] of Object.entries(config)) {
    const key = KEYS[k];
    if (!key) throw new Error(`modules.pike.${k}: unknown key (expected one of ${Object.keys(KEYS).join(', ')})`);
    if (typeof v !== 'number' || !Number.isInteger(v) || v < key.min || v > key.max) {
      throw new Error(`modules.pike.${k}: expected an integer from ${key.min} to ${key.max}, got ${JSON.stringify(v)}`);
    }
    out[key.field] = v;
  }
  // Kamailio refuses remove_latency below the sampling unit (it raises it); we say so instead
  if (out.removeLatency! < out.samplingTimeUnit!) {
    throw new Error(`modules.pike.remove_latency: expected at least sampling_time_unit (${out.samplingTimeUnit}), got ${out.removeLatency}`);
  }
  return out as unknown as PikeSettings;
}
