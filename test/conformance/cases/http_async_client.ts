// Conformance rows of KSR.http_async_client (written with ../case-kit.ts).
import type { ConformanceCase } from '../cases.js';

export const HTTP_ASYNC_CLIENT_CASES: ConformanceCase[] = [];
