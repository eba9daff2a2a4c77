// Conformance rows of KSR.pike (written with ../case-kit.ts).
import type { ConformanceCase } from '../cases.js';

export const PIKE_CASES: ConformanceCase[] = [];
