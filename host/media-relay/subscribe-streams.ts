// rtpengine_subscribe_request's 4th argument: the "tag-medias" list of rtpengine's answer
// copied into an xavp, as Kamailio's rtpengine_copy_streams_to_xavp does. One item of the
// xavp per participant (newest first, like every xavp_add_value), each a list holding
// `tag` (the participant's tag, a string) and one `label` per media (an integer; the last
// media's label is label[0]). A participant without a tag or without a medias list is
// skipped; a label that is not an integer is skipped with a warning.
// Bounded: rtpengine's answer is a peer's bytes, so at most MAX_PARTICIPANTS items and
// MAX_MEDIAS labels each are read; the xavp store's own bounds refuse the rest (logged).
import type { MsgContext } from '../core/context.js';
import { xavpRoot } from '../core/xavp.js';
import type { BValue } from './bencode.js';

export const MAX_PARTICIPANTS = 64;
export const MAX_MEDIAS = 64;

type Dict = { [key: string]: BValue };
const isDict = (v: BValue | undefined): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);

/** str2sint: an optional sign and digits, within a C int. */
function labelOf(v: BValue | undefined): number | null {
  if (typeof v !== 'string' || !/^[+-]?\d{1,10}$/.test(v)) return null;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647 ? n : null;
}

/** Fills xavp `name` from tagMedias; logs through warn what it skipped. */
export function copyStreamsToXavp(ctx: MsgContext, name: string, tagMedias: BValue | undefined, warn: (text: string) => void): void {
  if (name === '' || !Array.isArray(tagMedias)) return;
  const root = xavpRoot(ctx, 'xavp');
  for (const item of tagMedias.slice(0, MAX_PARTICIPANTS)) {
    if (!isDict(item) || typeof item.tag !== 'string') {
      warn('a participant of the answer has no tag: skipped');
      continue;
    }
    const medias = item.medias;
    if (!Array.isArray(medias)) continue;
    const list = root.newChild();
    list.add('tag', item.tag);
    for (const media of medias.slice(0, MAX_MEDIAS)) {
      const label = isDict(media) ? labelOf(media.label) : null;
      if (label === null) {
        warn(`invalid label ${JSON.stringify(isDict(media) ? media.label ?? null : media).slice(0, 40)} (not an integer): skipped`);
        continue;
      }
      if (list.add('label', label) === null) warn(`label ${label} not added: the message's xavps are full`);
    }
    if (root.add(name, list) === null) warn(`stream xavp for tag ${JSON.stringify(item.tag.slice(0, 64))} not added: the message's xavps are full`);
  }
}
