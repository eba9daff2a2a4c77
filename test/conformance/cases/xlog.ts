// Conformance rows of KSR.xlog (written with ../case-kit.ts).
import type { ConformanceCase } from '../cases.js';

export const XLOG_CASES: ConformanceCase[] = [];
