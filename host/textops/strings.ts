// textops' string helpers: comparisons and searches of script values, no message involved.
// Return codes are Kamailio's: > 0 true (or a position), < 0 false.

/** Kamailio's cmp_str order: by bytes over the common length, then the shorter first. */
function order(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** cmp_str / cmp_istr: 1 equal, -1 the first is greater, -2 the first is smaller. */
export function compare(a: string, b: string, icase: boolean): number {
  const d = icase ? order(a.toLowerCase(), b.toLowerCase()) : order(a, b);
  return d === 0 ? 1 : d > 0 ? -1 : -2;
}

export const startsWith = (s: string, prefix: string): number => (prefix !== '' && s.startsWith(prefix) ? 1 : -1);
export const endsWith = (s: string, suffix: string): number => (suffix !== '' && s.endsWith(suffix) ? 1 : -1);

/** str_find / str_ifind: the position (from 0) of needle in text, -1 when absent or empty. */
export function find(text: string, needle: string, icase: boolean): number {
  if (needle === '' || text === '') return -1;
  return icase ? text.toLowerCase().indexOf(needle.toLowerCase()) : text.indexOf(needle);
}

/** str_any_in(text, chars): 1 when some character of text is one of chars. */
export function anyIn(text: string, chars: string): number {
  if (text === '' || chars === '') return -1;
  for (const c of text) if (chars.includes(c)) return 1;
  return -1;
}

/** str_all_in(text, chars): 1 when every character of text is one of chars. */
export function allIn(text: string, chars: string): number {
  if (text === '' || chars === '') return -1;
  for (const c of text) if (!chars.includes(c)) return -1;
  return 1;
}

/** The items of a list separated by one character, trimmed of white space. */
function items(list: string, sep: string): string[] {
  return list.split(sep).map((i) => i.trim());
}

/** in_list(subject, list, sep): 1 when subject is one of the items; null for a separator that is not one character. */
export function inList(subject: string, list: string, sep: string, prefix: boolean): number | null {
  if (sep.length !== 1) return null;
  if (subject === '') return -1;
  const hit = items(list, sep).some((i) => (prefix ? i !== '' && subject.startsWith(i) : i === subject));
  return hit ? 1 : -1;
}
