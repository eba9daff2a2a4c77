// KSR.uac_redirect.*: follow 3xx replies in a failure route (host/uac-redirect/redirects.ts).
import { defineModule } from '../registry.js';
import type { ModuleService } from '../../host/core/module-service.js';
import type { MsgContext } from '../../host/core/context.js';
import { getRedirects, RedirectState } from '../../host/uac-redirect/redirects.js';
import { decl } from './decl.js';

const settingsOf = (ctx: MsgContext) => ctx.core.modules.get<RedirectState>('uac_redirect').settings;

const service: ModuleService<RedirectState> = { create: (host) => new RedirectState(host) };

export const uacRedirectModule = defineModule('uac_redirect', {
  get_redirects_all: decl('', 'int', (ctx) => getRedirects(ctx, settingsOf(ctx), 0, 0, null, 'get_redirects_all')),
  get_redirects: decl('int,int', 'int', (ctx, maxTotal: number, maxBranch: number) => getRedirects(ctx, settingsOf(ctx), maxTotal, maxBranch, null, 'get_redirects')),
  get_redirects_acc: decl('int,int,str', 'int', (ctx, maxTotal: number, maxBranch: number, reason: string) =>
    getRedirects(ctx, settingsOf(ctx), maxTotal, maxBranch, reason.slice(0, 128).replace(/[\r\n]/g, ' '), 'get_redirects_acc')),
}, { service });
