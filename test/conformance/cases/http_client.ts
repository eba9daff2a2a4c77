// Conformance rows of KSR.http_client (written with ../case-kit.ts).
import type { ConformanceCase } from '../cases.js';

export const HTTP_CLIENT_CASES: ConformanceCase[] = [];
