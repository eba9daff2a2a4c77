// Module tables (module-tables.ts) on every store: the same behaviour suite on SQLite,
// PostgreSQL and Redis, then what each keeps on its side (SQL DDL + version row, Redis keys),
// and a table Kamailio made used as it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../../host/store/open-store.js';
import type { Store } from '../../host/store/store.js';
import { ACC_TABLE, ADDRESS_TABLE, HTABLE_TABLE, layoutNamed, TRUSTED_TABLE } from '../../host/store/module-tables.js';
import { postgresUrl, psql, redisUrl, stopSharedServices } from '../support/services.js';

const dir = mkdtempSync(join(tmpdir(), 'ksr-mt-'));
test.after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await stopSharedServices();
});
let n = 0;

// database 9 of the test Redis is this file's
const drivers: Array<[string, () => Promise<string>]> = [
  ['sqlite', async () => `sqlite:${join(dir, `t${n++}.db`)}`],
  ['postgres', () => postgresUrl()],
  ['redis', () => redisUrl(9)],
];

async function withStore(url: string, f: (s: Store) => void | Promise<void>): Promise<void> {
  const s = await openStore(url);
  try {
    await f(s);
  } finally {
    await s.close();
  }
}

for (const [kind, makeUrl] of drivers) {
  test(`${kind}: rows come back with id, defaults filled, NULLs kept, in id order`, async () => {
    await withStore(await makeUrl(), (s) => {
      assert.deepEqual(s.tableRows(ADDRESS_TABLE), [], 'a table created at first use is empty');
      s.insertRow(ADDRESS_TABLE, { ip_addr: '10.0.0.0', mask: 8, port: 5060, grp: 2, tag: 'carrier' });
      s.insertRow(ADDRESS_TABLE, { ip_addr: '127.0.0.2' });
      s.insertRow(ADDRESS_TABLE, { ip_addr: '::1', mask: 128, tag: null });
      const rows = s.tableRows(ADDRESS_TABLE);
      assert.deepEqual(rows.map(({ id, ...r }) => (assert.equal(typeof id, 'number'), r)), [
        { grp: 2, ip_addr: '10.0.0.0', mask: 8, port: 5060, tag: 'carrier' },
        { grp: 1, ip_addr: '127.0.0.2', mask: 32, port: 0, tag: null },
        { grp: 1, ip_addr: '::1', mask: 128, port: 0, tag: null },
      ]);
      assert.ok((rows[0]!.id as number) < (rows[1]!.id as number) && (rows[1]!.id as number) < (rows[2]!.id as number));
      assert.equal(s.tableRows(ADDRESS_TABLE, 2).length, 2, 'limit');
      assert.equal(s.tableRows(ADDRESS_TABLE, 0).length, 0, 'limit 0');
    });
  });

  test(`${kind}: datetime columns round trip as seconds UTC`, async () => {
    await withStore(await makeUrl(), (s) => {
      const t = Date.UTC(2031, 4, 6, 7, 8, 9) / 1000;
      s.insertRow(ACC_TABLE, { method: 'INVITE', callid: 'c1', sip_code: '200', sip_reason: 'OK', time: t });
      s.insertRow(ACC_TABLE, { method: 'BYE', callid: 'c1', sip_code: '200', sip_reason: 'OK', time: 0 });
      const rows = s.tableRows(ACC_TABLE).map(({ id: _id, ...r }) => r);
      assert.deepEqual(rows, [
        { method: 'INVITE', from_tag: '', to_tag: '', callid: 'c1', sip_code: '200', sip_reason: 'OK', time: t },
        { method: 'BYE', from_tag: '', to_tag: '', callid: 'c1', sip_code: '200', sip_reason: 'OK', time: 0 },
      ]);
      assert.equal(s.deleteRows(ACC_TABLE, { time: t }), 1, 'delete by a datetime column');
      assert.deepEqual(s.tableRows(ACC_TABLE).map((r) => r.method), ['BYE']);
    });
  });

  test(`${kind}: delete by columns (NULL matched as NULL), delete all`, async () => {
    await withStore(await makeUrl(), (s) => {
      s.insertRow(TRUSTED_TABLE, { src_ip: '192.0.2.1', proto: 'udp', from_pattern: '^sip:.*@example\\.com$', tag: 't1', priority: 5 });
      s.insertRow(TRUSTED_TABLE, { src_ip: '192.0.2.1', proto: 'any' });
      s.insertRow(TRUSTED_TABLE, { src_ip: '192.0.2.2', proto: 'tcp' });
      assert.equal(s.deleteRows(TRUSTED_TABLE, { src_ip: '192.0.2.9' }), 0);
      assert.equal(s.deleteRows(TRUSTED_TABLE, { src_ip: '192.0.2.1', tag: null }), 1);
      assert.deepEqual(s.tableRows(TRUSTED_TABLE).map((r) => [r.src_ip, r.proto, r.from_pattern, r.ruri_pattern, r.tag, r.priority]), [
        ['192.0.2.1', 'udp', '^sip:.*@example\\.com$', null, 't1', 5],
        ['192.0.2.2', 'tcp', null, null, null, 0],
      ]);
      assert.equal(s.deleteRows(TRUSTED_TABLE, { priority: 5, proto: 'udp' }), 1);
      s.insertRow(TRUSTED_TABLE, { src_ip: '192.0.2.3', proto: 'any' });
      assert.equal(s.deleteRows(TRUSTED_TABLE, {}), 2);
      assert.deepEqual(s.tableRows(TRUSTED_TABLE), []);
    });
  });

  test(`${kind}: a table under the name the config gives (htable dbtable), and bad rows refused`, async () => {
    await withStore(await makeUrl(), (s) => {
      const t = layoutNamed(HTABLE_TABLE, 'ht_users', 'test');
      s.insertRow(t, { key_name: 'alice', key_value: 'x', value_type: 0 });
      s.insertRow(t, {});
      assert.deepEqual(s.tableRows(t).map(({ id: _id, ...r }) => r), [
        { key_name: 'alice', key_type: 0, value_type: 0, key_value: 'x', expires: 0 },
        { key_name: '', key_type: 0, value_type: 0, key_value: '', expires: 0 },
      ]);
      assert.deepEqual(s.tableRows(HTABLE_TABLE), [], 'the layout name is another table');
      assert.throws(() => s.insertRow(t, { nope: 1 }), /no column "nope"/);
      // through the bridge a refused row also opens the store's breaker for a while (sync-bridge.ts),
      // so the second refusal is only checked on SQLite
      if (kind === 'sqlite') assert.throws(() => s.insertRow(t, { expires: 'soon' }), /takes a number/);
    });
  });
}

async function pgQuery(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

const KAMAILIO_ADDRESS_DDL = (serial: string) => `
  CREATE TABLE address (id ${serial} PRIMARY KEY NOT NULL, grp INT DEFAULT 1 NOT NULL, ip_addr VARCHAR(50) NOT NULL,
    mask INT DEFAULT 32 NOT NULL, port SMALLINT DEFAULT 0 NOT NULL, tag VARCHAR(64))`;

test('postgres: a table made at first use has Kamailio columns and a version row', async () => {
  const url = await postgresUrl();
  await withStore(url, (s) => void s.tableRows(ADDRESS_TABLE));
  assert.deepEqual(await pgQuery(url, `SELECT table_version FROM version WHERE table_name = 'address'`), [{ table_version: 6 }]);
  const cols = await pgQuery(url, `SELECT column_name FROM information_schema.columns WHERE table_name = 'address' ORDER BY ordinal_position`);
  assert.deepEqual(cols.map((c) => c.column_name), ['id', 'grp', 'ip_addr', 'mask', 'port', 'tag']);
});

test('postgres: a table Kamailio made (SMALLINT port, its rows) is used as it is', async () => {
  const url = await postgresUrl();
  await psql(url, `${KAMAILIO_ADDRESS_DDL('SERIAL')};
    INSERT INTO address (grp, ip_addr, mask, port, tag) VALUES (7, '203.0.113.0', 24, 5060, 'kam')`);
  await withStore(url, (s) => {
    assert.deepEqual(s.tableRows(ADDRESS_TABLE), [{ id: 1, grp: 7, ip_addr: '203.0.113.0', mask: 24, port: 5060, tag: 'kam' }]);
    s.insertRow(ADDRESS_TABLE, { ip_addr: '198.51.100.1' });
    assert.equal(s.tableRows(ADDRESS_TABLE).length, 2);
  });
});

test('sqlite: a table Kamailio made is used as it is, and the version row is written once', async () => {
  const file = join(dir, 'kam.db');
  const db = new Database(file);
  db.exec(`${KAMAILIO_ADDRESS_DDL('INTEGER')};
    INSERT INTO address (grp, ip_addr, mask, port, tag) VALUES (7, '203.0.113.0', 24, 5060, 'kam')`);
  db.close();
  await withStore(`sqlite:${file}`, (s) => {
    assert.deepEqual(s.tableRows(ADDRESS_TABLE), [{ id: 1, grp: 7, ip_addr: '203.0.113.0', mask: 24, port: 5060, tag: 'kam' }]);
  });
  const check = new Database(file, { readonly: true });
  try {
    assert.deepEqual(check.prepare(`SELECT table_version FROM version WHERE table_name = 'address'`).all(), [{ table_version: 6 }]);
  } finally {
    check.close();
  }
});

test('redis: the key layout the driver documents (hash per row, id counter, id set)', async () => {
  const url = await redisUrl(9);
  const cli = (...args: string[]) => spawnSync('redis-cli', ['-u', url, ...args], { encoding: 'utf8' }).stdout.trim();
  await withStore(url, (s) => {
    s.insertRow(ADDRESS_TABLE, { ip_addr: '10.0.0.1', tag: null });
    s.insertRow(ADDRESS_TABLE, { ip_addr: '10.0.0.2' });
    assert.equal(cli('get', 'ksr:t:address:seq'), '2');
    assert.equal(cli('zrange', 'ksr:t:address:ids', '0', '-1'), '1\n2');
    assert.equal(cli('hget', 'ksr:t:address:1', 'ip_addr'), '10.0.0.1');
    assert.equal(cli('hget', 'ksr:t:address:1', 'mask'), '32', 'defaults are stored');
    assert.equal(cli('hexists', 'ksr:t:address:1', 'tag'), '0', 'NULL columns are absent fields');
    assert.equal(s.deleteRows(ADDRESS_TABLE, { ip_addr: '10.0.0.1' }), 1);
    assert.equal(cli('exists', 'ksr:t:address:1'), '0');
    assert.equal(cli('zrange', 'ksr:t:address:ids', '0', '-1'), '2');
    assert.throws(() => s.insertRow(ACC_TABLE, { method: 'INVITE' }), /time is NOT NULL and has no default/);
  });
});
