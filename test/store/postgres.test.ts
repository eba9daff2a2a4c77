// The PostgreSQL driver through the bridge: the contract, the schema it creates, a
// Kamailio-made table used as is, two stores on one database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { openStore } from '../../host/store/open-store.js';
import { contractSuite, record } from './contract-suite.js';
import { postgresUrl, psql, stopSharedServices } from '../support/services.js';

test.after(() => stopSharedServices());

contractSuite(async () => openStore(await postgresUrl()));

async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

test('an empty database gets Kamailio tables, indexes and version rows', async () => {
  const url = await postgresUrl();
  await (await openStore(url)).close();
  assert.deepEqual(await query(url, 'SELECT table_name, table_version FROM version ORDER BY table_name'), [
    { table_name: 'location', table_version: 9 },
    { table_name: 'subscriber', table_version: 7 },
  ]);
  const cols = await query(url, `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'location' ORDER BY ordinal_position`);
  assert.deepEqual(cols.map((c) => c.column_name), [
    'id', 'ruid', 'username', 'domain', 'contact', 'received', 'path', 'expires', 'q', 'callid', 'cseq', 'last_modified', 'flags', 'cflags',
    'user_agent', 'socket', 'methods', 'instance', 'reg_id', 'server_id', 'connection_id', 'keepalive', 'partition',
  ]);
  assert.equal(cols.find((c) => c.column_name === 'expires')!.data_type, 'timestamp without time zone');
  const idx = (await query(url, `SELECT indexname FROM pg_indexes WHERE tablename IN ('location', 'subscriber')`)).map((r) => r.indexname);
  for (const name of ['location_ruid_idx', 'location_account_contact_idx', 'location_expires_idx', 'subscriber_account_idx']) assert.ok(idx.includes(name), `${name} in ${idx}`);
});

test('times are written as UTC DATETIME, as Kamailio reads them', async () => {
  const url = await postgresUrl();
  const s = await openStore(url);
  s.putLocation(record({ ruid: 't', expires: Date.UTC(2031, 4, 6, 7, 8, 9) / 1000, lastModified: 0 }));
  await s.close();
  const [row] = await query(url, `SELECT to_char(expires, 'YYYY-MM-DD HH24:MI:SS') AS e, to_char(last_modified, 'YYYY-MM-DD HH24:MI:SS') AS m, domain FROM location`);
  assert.deepEqual(row, { e: '2031-05-06 07:08:09', m: '1970-01-01 00:00:00', domain: null });
});

test('a table Kamailio made (its DDL and rows) is used as is', async () => {
  const url = await postgresUrl();
  await psql(url, `
    CREATE TABLE version (id SERIAL PRIMARY KEY NOT NULL, table_name VARCHAR(32) NOT NULL, table_version INTEGER DEFAULT 0 NOT NULL,
      CONSTRAINT version_table_name_idx UNIQUE (table_name));
    INSERT INTO version (table_name, table_version) VALUES ('subscriber', 7), ('location', 9);
    CREATE TABLE subscriber (id SERIAL PRIMARY KEY NOT NULL, username VARCHAR(64) DEFAULT '' NOT NULL, domain VARCHAR(64) DEFAULT '' NOT NULL,
      password VARCHAR(64) DEFAULT '' NOT NULL, ha1 VARCHAR(128) DEFAULT '' NOT NULL, ha1b VARCHAR(128) DEFAULT '' NOT NULL,
      CONSTRAINT subscriber_account_idx UNIQUE (username, domain));
    INSERT INTO subscriber (username, domain, password, ha1, ha1b) VALUES ('kam', 'example.com', '', 'aaaa', 'bbbb');
    CREATE TABLE location (id SERIAL PRIMARY KEY NOT NULL, ruid VARCHAR(64) DEFAULT '' NOT NULL, username VARCHAR(64) DEFAULT '' NOT NULL,
      domain VARCHAR(64) DEFAULT NULL, contact VARCHAR(512) DEFAULT '' NOT NULL, received VARCHAR(128) DEFAULT NULL, path VARCHAR(512) DEFAULT NULL,
      expires TIMESTAMP WITHOUT TIME ZONE DEFAULT '2030-05-28 21:32:15' NOT NULL, q REAL DEFAULT 1.0 NOT NULL,
      callid VARCHAR(255) DEFAULT 'Default-Call-ID' NOT NULL, cseq INTEGER DEFAULT 1 NOT NULL,
      last_modified TIMESTAMP WITHOUT TIME ZONE DEFAULT '2000-01-01 00:00:01' NOT NULL, flags INTEGER DEFAULT 0 NOT NULL,
      cflags INTEGER DEFAULT 0 NOT NULL, user_agent VARCHAR(255) DEFAULT '' NOT NULL, socket VARCHAR(64) DEFAULT NULL,
      methods INTEGER DEFAULT NULL, instance VARCHAR(255) DEFAULT NULL, reg_id INTEGER DEFAULT 0 NOT NULL,
      server_id INTEGER DEFAULT 0 NOT NULL, connection_id INTEGER DEFAULT 0 NOT NULL, keepalive INTEGER DEFAULT 0 NOT NULL,
      partition INTEGER DEFAULT 0 NOT NULL, CONSTRAINT location_ruid_idx UNIQUE (ruid));
    CREATE INDEX location_account_contact_idx ON location (username, domain, contact);
    INSERT INTO location (ruid, username, contact, expires, callid, cseq, last_modified, user_agent)
      VALUES ('uloc-5f0c', 'kam', 'sip:kam@192.0.2.1:5060', '2030-01-01 00:00:00', 'abc', 3, '2029-12-31 23:00:00', 'Kamailio');
  `);
  const s = await openStore(url);
  try {
    assert.deepEqual(s.subscriber('kam', 'example.com'), { username: 'kam', domain: 'example.com', password: '', ha1: 'aaaa', ha1b: 'bbbb' });
    const [r] = s.locations({ username: 'kam', domain: '' });
    assert.equal(r!.ruid, 'uloc-5f0c');
    assert.equal(r!.expires, Date.UTC(2030, 0, 1) / 1000);
    assert.equal(r!.lastModified, Date.UTC(2029, 11, 31, 23) / 1000);
    assert.equal(r!.q, 1);
    assert.equal(r!.methods, -1);
    s.putLocation(record({ ruid: 'ours' }));
    assert.equal(s.allLocations().length, 2);
  } finally {
    await s.close();
  }
});

test('two stores on one database (two nodes) see each other, and an expired record goes to one of them only', async () => {
  const url = await postgresUrl();
  const [a, b] = await Promise.all([openStore(url, { serverId: 1 }), openStore(url, { serverId: 2 })]);
  try {
    a.putLocation(record({ ruid: 'x', expires: 100 }));
    assert.equal(b.locations({ username: 'alice', domain: '' }).length, 1);
    const taken = [...b.takeExpired(200), ...a.takeExpired(200)];
    assert.deepEqual(taken.map((r) => r.ruid), ['x']);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});
