// Conformance rows of KSR.pvx (written with ../case-kit.ts).
import type { ConformanceCase } from '../cases.js';

export const PVX_CASES: ConformanceCase[] = [];
