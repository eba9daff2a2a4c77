// Conformance rows of KSR.permissions (written with ../case-kit.ts).
import type { ConformanceCase } from '../cases.js';

export const PERMISSIONS_CASES: ConformanceCase[] = [];
