// Conformance rows of KSR.posops (written with ../case-kit.ts).
import type { ConformanceCase } from '../cases.js';

export const POSOPS_CASES: ConformanceCase[] = [];
