// Conformance rows of KSR.acc (written with ../case-kit.ts).
import type { ConformanceCase } from '../cases.js';

export const ACC_CASES: ConformanceCase[] = [];
