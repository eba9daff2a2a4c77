// Conformance rows of KSR.textops (written with ../case-kit.ts).
import type { ConformanceCase } from '../cases.js';

export const TEXTOPS_CASES: ConformanceCase[] = [];
