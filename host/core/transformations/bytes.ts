// Kamailio's strings are bytes: {s.len} of "é" is 2 and {s.substr} counts bytes. Values here are
// JS strings, so a transformation works on the byte string (one char per UTF-8 byte, latin1)
// and turns its result back into text. ASCII, the usual case, is passed through untouched.

const NON_ASCII = /[^\x00-\x7f]/;

export function toBytes(text: string): string {
  return NON_ASCII.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
}

export function fromBytes(bytes: string): string {
  return NON_ASCII.test(bytes) ? Buffer.from(bytes, 'latin1').toString('utf8') : bytes;
}

/** Runs `op` on the bytes of `text` and gives its result back as text. */
export function onBytes(text: string, op: (bytes: string) => string | null): string | null {
  const r = op(toBytes(text));
  return r === null ? null : fromBytes(r);
}
