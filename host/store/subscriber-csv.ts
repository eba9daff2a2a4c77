// Reads `user import` files: CSV lines user,domain,password (RFC 4180 quoting: "a,b" and ""
// for a quote). Blank lines and lines starting with # are skipped, as is a header line
// user,domain,password. Errors name the file and line.
import { checkAccount } from './rows.js';

export interface SubscriberLine {
  username: string;
  domain: string;
  password: string;
}

/** Splits one CSV line into fields; null when a quote is left open. */
function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (i >= line.length) return null;
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += line[i++];
      }
      // after a closing quote only a comma or the end may follow
      const comma = line.indexOf(',', i);
      const rest = comma === -1 ? line.slice(i) : line.slice(i, comma);
      if (rest.trim() !== '') return null;
      i = comma === -1 ? line.length : comma;
    } else {
      const comma = line.indexOf(',', i);
      field = comma === -1 ? line.slice(i) : line.slice(i, comma);
      i = comma === -1 ? line.length : comma;
      field = field.trim();
    }
    fields.push(field);
    if (i >= line.length) return fields;
    i++; // the comma
  }
}

export function parseSubscriberCsv(text: string, file: string): SubscriberLine[] {
  const out: SubscriberLine[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, n) => {
    const where = `${file}:${n + 1}`;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fields = splitCsvLine(line);
    if (!fields) throw new Error(`${where}: a quoted field is not closed properly: ${raw}`);
    if (out.length === 0 && fields.join(',').toLowerCase() === 'user,domain,password') return;
    if (fields.length !== 3) throw new Error(`${where}: expected 3 fields user,domain,password, saw ${fields.length}: ${raw}`);
    const [username, domain, password] = fields as [string, string, string];
    try {
      checkAccount(username, domain);
    } catch (e) {
      throw new Error(`${where}: ${(e as Error).message}`);
    }
    if (password === '') throw new Error(`${where}: the password of ${username}@${domain} is empty`);
    out.push({ username, domain, password });
  });
  return out;
}
