// The per-module case files, in one list (cases.ts appends it to its sections).
import type { ConformanceCase } from '../cases.js';
import { PVX_CASES } from './pvx.js';
import { TEXTOPS_CASES } from './textops.js';
import { TEXTOPSX_CASES } from './textopsx.js';
import { POSOPS_CASES } from './posops.js';
import { SIPUTILS_CASES } from './siputils.js';
import { COREX_CASES } from './corex.js';
import { PV_ENGINE_CASES } from './pv-engine.js';
import { SEED_TALK_CASES } from './seed-talk.js';
import { HTABLE_CASES } from './htable.js';
import { PIKE_CASES } from './pike.js';
import { PERMISSIONS_CASES } from './permissions.js';
import { NATHELPER_CASES } from './nathelper.js';
import { DISPATCHER_CASES } from './dispatcher.js';
import { UAC_CASES } from './uac.js';
import { UAC_REDIRECT_CASES } from './uac_redirect.js';
import { RTPENGINE_CASES } from './rtpengine.js';
import { RTPPROXY_CASES } from './rtpproxy.js';
import { HTTP_CLIENT_CASES } from './http_client.js';
import { HTTP_ASYNC_CLIENT_CASES } from './http_async_client.js';
import { XLOG_CASES } from './xlog.js';
import { ACC_CASES } from './acc.js';

export const MODULE_CASES: readonly ConformanceCase[] = [
  ...PVX_CASES, ...TEXTOPS_CASES, ...TEXTOPSX_CASES, ...POSOPS_CASES, ...SIPUTILS_CASES, ...COREX_CASES, ...PV_ENGINE_CASES, ...SEED_TALK_CASES,
  ...HTABLE_CASES, ...PIKE_CASES, ...PERMISSIONS_CASES, ...NATHELPER_CASES, ...DISPATCHER_CASES, ...UAC_CASES, ...UAC_REDIRECT_CASES, ...RTPENGINE_CASES, ...RTPPROXY_CASES, ...HTTP_CLIENT_CASES, ...HTTP_ASYNC_CLIENT_CASES, ...XLOG_CASES, ...ACC_CASES,
];
