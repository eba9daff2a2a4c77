// textopsx's header spec: `NAME [ "[" (IDX | "*" | "") "]" ] [ "." PARAM ]`, spaces allowed
// around the parts; NAME and PARAM are letters, digits, `_` and `-`; IDX a signed integer
// (1 the first value, -1 the last). Parsed per call (Kamailio parses it per KEMI call too).

export interface HfSpec {
  name: string;
  /** An index part was written (`[..]`). */
  hasIndex: boolean;
  /** `[*]`. */
  all: boolean;
  /** 0 when not written or `[]`. */
  idx: number;
  /** '' when none. */
  param: string;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isNameChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_-]/.test(c);

/** The spec, or an error text saying where it stopped making sense. */
export function parseHfSpec(text: string): HfSpec | string {
  let i = 0;
  const skip = () => {
    while (isSpace(text[i])) i++;
  };
  const near = () => `cannot parse header spec ${JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text)} near offset ${i}`;
  skip();
  const nameStart = i;
  while (isNameChar(text[i])) i++;
  const name = text.slice(nameStart, i);
  if (name === '') return `${near()}: expected a header name`;
  const spec: HfSpec = { name, hasIndex: false, all: false, idx: 0, param: '' };
  skip();
  if (text[i] === '[') {
    i++;
    skip();
    spec.hasIndex = true;
    if (text[i] === '*') {
      spec.all = true;
      i++;
    } else if (text[i] !== ']') {
      const m = /^[+-]?\d+/.exec(text.slice(i, i + 12));
      if (m === null) return `${near()}: expected an index, * or ]`;
      spec.idx = Number.parseInt(m[0], 10);
      i += m[0].length;
    }
    skip();
    if (text[i] !== ']') return `${near()}: expected ]`;
    i++;
  }
  skip();
  if (text[i] === '.') {
    i++;
    skip();
    const pStart = i;
    while (isNameChar(text[i])) i++;
    spec.param = text.slice(pStart, i);
    if (spec.param === '') return `${near()}: expected a parameter name after "."`;
  }
  if (i !== text.length) return `${near()}: unexpected ${JSON.stringify(text[i])}`;
  return spec;
}
