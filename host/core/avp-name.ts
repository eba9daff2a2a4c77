// An AVP as Kamailio's modparams spell it: "$avp(RECEIVED)", "$avp(s:name)", "$avp(i:3)", or the
// bare name. Read once from the config (registrar's and nathelper's received_avp, the media
// relays' setid AVP), never per message.

const SPELLED = /^\$avp\((?:[si]:)?([A-Za-z0-9_.-]{1,64})\)$/;
const BARE = /^[A-Za-z0-9_.-]{1,64}$/;

/** The AVP's name, or null when the text is neither spelling. */
export function avpNameOf(text: string): string | null {
  const t = text.trim();
  return SPELLED.exec(t)?.[1] ?? (BARE.test(t) ? t : null);
}
