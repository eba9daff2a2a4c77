// Subscribers for tests and benchmarks: a sipp injection file and the CSV `ksr-host user import` reads.
import { writeFileSync } from 'node:fs';

export interface TestUser {
  username: string;
  domain: string;
  password: string;
}

export function makeUsers(count: number, domain = '127.0.0.1', prefix = 'u'): TestUser[] {
  return Array.from({ length: count }, (_, i) => ({
    username: `${prefix}${String(i + 1).padStart(5, '0')}`,
    domain,
    password: `pw-${i + 1}-secret`,
  }));
}

/** CSV user,domain,password for `ksr-host user import`. */
export function writeUserCsv(file: string, users: TestUser[]): void {
  writeFileSync(file, users.map((u) => `${u.username},${u.domain},${u.password}`).join('\n') + '\n');
}

/**
 * sipp injection file: field0 user, field1 domain, field2 sipp's [authentication] keyword with
 * the credentials (sipp expands keywords read from the file). `wrongPassword` spoils them.
 */
export function writeSippUsers(file: string, users: TestUser[], opts: { wrongPassword?: boolean } = {}): void {
  const lines = users.map(
    (u) => `${u.username};${u.domain};[authentication username=${u.username} password=${opts.wrongPassword ? 'wrong' : u.password}]`,
  );
  writeFileSync(file, ['SEQUENTIAL', ...lines].join('\n') + '\n');
}
