// Conformance rows of KSR.rtpproxy (written with ../case-kit.ts).
import type { ConformanceCase } from '../cases.js';

export const RTPPROXY_CASES: ConformanceCase[] = [];
