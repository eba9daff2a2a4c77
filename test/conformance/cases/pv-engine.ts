// Conformance rows (written with ../case-kit.ts): pv-engine, issue 10.
import type { ConformanceCase } from '../cases.js';

export const PV_ENGINE_CASES: ConformanceCase[] = [];
