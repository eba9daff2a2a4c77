// Every KSR module of this build, in Kamailio's order (core, pv, hdr first), and the registry.
import { Registry, type KsrModule } from '../registry.js';
import { coreModule } from './core.js';
import { pvModule } from './pv.js';
import { hdrModule } from './hdr.js';
import { kxModule } from './kx.js';
import { slModule } from './sl.js';
import { maxfwdModule } from './maxfwd.js';
import { sanityModule } from './sanity.js';
import { xModule } from './x.js';
import { rrModule } from './rr.js';
import { siputilsModule } from './siputils.js';
import { coreForwardModule } from './core-forward.js';
import { tmModule } from './tm.js';
import { tmxModule } from './tmx.js';
import { corexModule } from './corex.js';
import { authModule } from './auth.js';
import { authDbModule } from './auth_db.js';
import { registrarModule } from './registrar.js';
import { pvxModule } from './pvx.js';
import { textopsModule } from './textops.js';
import { textopsxModule } from './textopsx.js';
import { posopsModule } from './posops.js';
import { htableModule } from './htable.js';
import { pikeModule } from './pike.js';
import { permissionsModule } from './permissions.js';
import { nathelperModule } from './nathelper.js';
import { dispatcherModule } from './dispatcher.js';
import { uacModule } from './uac.js';
import { uacRedirectModule } from './uac_redirect.js';
import { rtpengineModule } from './rtpengine.js';
import { rtpproxyModule } from './rtpproxy.js';
import { httpClientModule } from './http_client.js';
import { httpAsyncClientModule } from './http_async_client.js';
import { xlogModule } from './xlog.js';
import { accModule } from './acc.js';

export const ALL_MODULES: KsrModule[] = [
  coreModule, pvModule, hdrModule, xModule, kxModule, slModule, maxfwdModule, sanityModule, rrModule, siputilsModule,
  coreForwardModule, tmModule, tmxModule, corexModule, authModule, authDbModule,
  registrarModule, pvxModule, textopsModule, textopsxModule, posopsModule,
  htableModule, pikeModule, permissionsModule, nathelperModule, dispatcherModule, uacModule, uacRedirectModule, rtpengineModule, rtpproxyModule, httpClientModule, httpAsyncClientModule, xlogModule, accModule,
];

export function createRegistry(extra: readonly KsrModule[] = []): Registry {
  return new Registry([...ALL_MODULES, ...extra]);
}
