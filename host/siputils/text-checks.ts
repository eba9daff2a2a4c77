// String classifiers of KSR.siputils: is_tel_number, is_numeric, is_alphanum, is_alphanumex.

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isAlnum = (c: string): boolean => isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

/** "+" optional, then one digit or more, nothing else. */
export function isTelNumber(s: string): boolean {
  const digits = s.startsWith('+') ? s.slice(1) : s;
  return digits.length > 0 && [...digits].every(isDigit);
}

export function isNumeric(s: string): boolean {
  return s.length > 0 && [...s].every(isDigit);
}

/** Letters and digits only; `extra` lists further allowed characters (is_alphanumex). */
export function isAlphanum(s: string, extra = ''): boolean {
  return s.length > 0 && [...s].every((c) => isAlnum(c) || extra.includes(c));
}
