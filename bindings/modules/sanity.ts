// KSR.sanity.*: over host/sanity/sanity.ts.
import { defineModule } from '../registry.js';
import {
  SANITY_DEFAULT_MSG_CHECKS, SANITY_DEFAULT_URI_CHECKS, sanityCheck, sanityReply,
} from '../../host/sanity/sanity.js';
import { decl } from './decl.js';

export const sanityModule = defineModule('sanity', {
  sanity_check: decl('int, int', 'int', (ctx, msgChecks: number, uriChecks: number) =>
    sanityCheck(ctx, msgChecks, uriChecks),
  ),
  sanity_check_defaults: decl('', 'int', (ctx) =>
    sanityCheck(ctx, SANITY_DEFAULT_MSG_CHECKS, SANITY_DEFAULT_URI_CHECKS),
  ),
  sanity_reply: decl('', 'int', (ctx) => sanityReply(ctx)),
});
