// Where a pseudo-variable written inside a text ends: `$name`, `$name(arg)` (parentheses may
// nest), `$(name(arg){transformation})` and `${...}`. Used wherever Kamailio expands PVs in a
// string (subst replacements, pv-format.ts); what a name means is host/core/pv.ts's business.

/** The index just past the PV that starts with `$` at text[at], or -1 when none is complete there. */
export function pvEnd(text: string, at: number): number {
  let i = at + 1;
  const open = text[i];
  if (open === '(' || open === '{') return closing(text, i, open, open === '(' ? ')' : '}');
  while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
  if (i === at + 1) return -1;
  return text[i] === '(' ? closing(text, i, '(', ')') : i;
}

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** Past the bracket that closes the one at text[i]. */
function closing(text: string, i: number, open: string, close: string): number {
  let depth = 0;
  for (; i < text.length; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === close && --depth === 0) return i + 1;
  }
  return -1;
}
