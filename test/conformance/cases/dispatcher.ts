// Conformance rows of KSR.dispatcher (written with ../case-kit.ts).
import type { ConformanceCase } from '../cases.js';

export const DISPATCHER_CASES: ConformanceCase[] = [];
