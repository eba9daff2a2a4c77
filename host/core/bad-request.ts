// A 400 for a request the parser refused. The message cannot be trusted, so its Via, From,
// To, Call-ID and CSeq lines are copied as text (RFC 3261 §8.2.6 needs nothing more); when
// any of them is missing there is nobody to answer and the message is dropped instead.
const NEEDED: Record<string, string> = {
  via: 'Via', v: 'Via', from: 'From', f: 'From', to: 'To', t: 'To', 'call-id': 'Call-ID', i: 'Call-ID', cseq: 'CSeq',
};

export function lenientBadRequest(buf: Buffer, reason: string): Buffer | null {
  const text = buf.toString('latin1', 0, Math.min(buf.length, 16384));
  const lines = text.split(/\r?\n/);
  const first = lines[0] ?? '';
  if (!/^[A-Za-z]+ \S+ SIP\/2\.0\s*$/.test(first) || /^ACK /i.test(first)) return null;
  const found: Record<string, string[]> = {};
  for (let i = 1; i < lines.length && lines[i] !== ''; i++) {
    const m = /^([A-Za-z-]+)[ \t]*:(.*)$/.exec(lines[i]!);
    const name = m && NEEDED[m[1]!.toLowerCase()];
    if (!m || !name) continue;
    let value = m[2]!.trim();
    while (i + 1 < lines.length && /^[ \t]/.test(lines[i + 1]!)) value += ' ' + lines[++i]!.trim();
    if (/[\x00-\x08\x0a-\x1f\x7f]/.test(value)) return null;
    (found[name] ??= []).push(value);
  }
  for (const n of ['Via', 'From', 'To', 'Call-ID', 'CSeq']) if (!found[n]?.length) return null;
  const safeReason = reason.replace(/[^\x20-\x7e]/g, '?').slice(0, 100) || 'Bad Request';
  let to = found['To']![0]!;
  if (!/;\s*tag=/i.test(to)) to += ';tag=ksr-bad';
  const out = [
    `SIP/2.0 400 ${safeReason}`,
    ...found['Via']!.map((v) => `Via: ${v}`),
    `From: ${found['From']![0]}`,
    `To: ${to}`,
    `Call-ID: ${found['Call-ID']![0]}`,
    `CSeq: ${found['CSeq']![0]}`,
    'Content-Length: 0',
    '',
    '',
  ];
  return Buffer.from(out.join('\r\n'), 'latin1');
}
