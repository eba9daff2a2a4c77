// The `auth.algorithm` config value: "MD5", "SHA-256", "SHA-256, MD5" or a YAML list; the
// order is the order of the challenge headers.
import { parseAlgorithm, type DigestAlgorithm } from './digest-hash.js';

export function parseAlgorithmList(value: string | readonly string[]): DigestAlgorithm[] {
  const names = typeof value === 'string' ? value.split(',') : [...value];
  const out: DigestAlgorithm[] = [];
  for (const name of names) {
    const alg = parseAlgorithm(name);
    if (!alg) throw new Error(`expected MD5, SHA-256 or SHA-512-256 (or a list of them), got "${name.trim()}"`);
    if (!out.includes(alg)) out.push(alg);
  }
  if (out.length === 0) throw new Error('expected at least one algorithm');
  return out;
}
