// Conformance rows of KSR.rtpengine (written with ../case-kit.ts).
import type { ConformanceCase } from '../cases.js';

export const RTPENGINE_CASES: ConformanceCase[] = [];
