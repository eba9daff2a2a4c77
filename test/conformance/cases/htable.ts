// Conformance rows of KSR.htable (written with ../case-kit.ts).
import type { ConformanceCase } from '../cases.js';

export const HTABLE_CASES: ConformanceCase[] = [];
