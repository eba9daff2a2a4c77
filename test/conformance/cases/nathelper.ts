// Conformance rows of KSR.nathelper (written with ../case-kit.ts).
import type { ConformanceCase } from '../cases.js';

export const NATHELPER_CASES: ConformanceCase[] = [];
