// acc's time_format for time_mode 3 (local time) and 4 (UTC): the strftime conversions
// Kamailio's default and usual formats use. Others are refused when the config is read.
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

type Parts = { Y: number; m: number; d: number; H: number; M: number; S: number; offsetMin: number };

const CONVERSIONS: Readonly<Record<string, (p: Parts, sec: number) => string>> = {
  Y: (p) => String(p.Y), y: (p) => pad(p.Y % 100), m: (p) => pad(p.m), d: (p) => pad(p.d), e: (p) => String(p.d).padStart(2, ' '),
  H: (p) => pad(p.H), M: (p) => pad(p.M), S: (p) => pad(p.S), s: (_p, sec) => String(sec),
  F: (p) => `${p.Y}-${pad(p.m)}-${pad(p.d)}`, T: (p) => `${pad(p.H)}:${pad(p.M)}:${pad(p.S)}`,
  z: (p) => `${p.offsetMin < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(p.offsetMin) / 60))}${pad(Math.abs(p.offsetMin) % 60)}`,
  '%': () => '%',
};

/** Null when every conversion of the format is known; else the first unknown one. */
export function unknownConversion(format: string): string | null {
  for (let i = format.indexOf('%'); i >= 0; i = format.indexOf('%', i + 2)) {
    const c = format[i + 1];
    if (c === undefined || !(c in CONVERSIONS)) return `%${c ?? ''}`;
  }
  return null;
}

function partsOf(d: Date, utc: boolean): Parts {
  return utc
    ? { Y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), H: d.getUTCHours(), M: d.getUTCMinutes(), S: d.getUTCSeconds(), offsetMin: 0 }
    : { Y: d.getFullYear(), m: d.getMonth() + 1, d: d.getDate(), H: d.getHours(), M: d.getMinutes(), S: d.getSeconds(), offsetMin: -d.getTimezoneOffset() };
}

/** The time (ms since the epoch) in the format; at most 128 characters, as Kamailio's buffer. */
export function formatTime(ms: number, format: string, utc: boolean): string {
  const sec = Math.floor(ms / 1000);
  const p = partsOf(new Date(sec * 1000), utc);
  return format.replace(/%(.)/g, (_m, c: string) => CONVERSIONS[c]?.(p, sec) ?? `%${c}`).slice(0, 128);
}
