// http_client's PVs: $curlerror(code), the text of a libcurl code; $httprhdr(name), a header
// of the last answer when modparam response_headers is 1.
import type { PvDeclarations } from '../core/pv.js';
import { curlErrorText } from './curl-codes.js';
import type { HttpClientState } from './client-state.js';

export const HTTP_CLIENT_PVS: PvDeclarations = {
  curlerror: {
    hasArg: true,
    get: (_ctx, arg) => {
      const n = Number(arg.trim());
      return Number.isInteger(n) ? curlErrorText(n) : null;
    },
  },
  httprhdr: {
    hasArg: true,
    get: (ctx, arg) => {
      const name = arg.trim().toLowerCase();
      const state = ctx.core.modules.get<HttpClientState>('http_client');
      return state.lastHeaders.find(([n]) => n === name)?.[1] ?? null;
    },
  },
};
