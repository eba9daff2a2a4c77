// Where Kamailio documents what a KSR module means: its module page, or the KEMI core page for
// the functions Kamailio's core exports (KSR.*, KSR.hdr, KSR.pv, KSR.x). Linked from the README's
// module table and printed by `ksr-host api FUNCTION`.

/** Kamailio's KEMI page for the core functions. */
export const KEMI_CORE_DOCS = 'https://www.kamailio.org/docs/tutorials/devel/kamailio-kemi-framework/core/';
const CORE_SUBMODULES = new Set(['', 'hdr', 'pv', 'x']);
/** KSR sub-modules whose Kamailio module has another name. */
const MODULE_OF: Record<string, string> = { kx: 'kemix' };

export function kamailioDocsLink(module: string): string {
  if (CORE_SUBMODULES.has(module)) return KEMI_CORE_DOCS;
  return `https://www.kamailio.org/docs/modules/stable/modules/${MODULE_OF[module] ?? module}.html`;
}
