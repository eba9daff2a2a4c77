// Conformance rows of KSR.textopsx (written with ../case-kit.ts).
import type { ConformanceCase } from '../cases.js';

export const TEXTOPSX_CASES: ConformanceCase[] = [];
