// Conformance rows of KSR.uac (written with ../case-kit.ts).
import type { ConformanceCase } from '../cases.js';

export const UAC_CASES: ConformanceCase[] = [];
