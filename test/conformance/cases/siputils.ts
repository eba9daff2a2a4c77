// Conformance rows (written with ../case-kit.ts): siputils, issue 10.
import type { ConformanceCase } from '../cases.js';

export const SIPUTILS_CASES: ConformanceCase[] = [];
