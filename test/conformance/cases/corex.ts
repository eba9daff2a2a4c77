// Conformance rows (written with ../case-kit.ts): corex, issue 10.
import type { ConformanceCase } from '../cases.js';

export const COREX_CASES: ConformanceCase[] = [];
