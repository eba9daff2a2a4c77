// Conformance rows of KSR.uac_redirect (written with ../case-kit.ts).
import type { ConformanceCase } from '../cases.js';

export const UAC_REDIRECT_CASES: ConformanceCase[] = [];
