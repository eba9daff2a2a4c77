// The SQLite driver: the contract, the schema it creates, a Kamailio-made table used as is,
// and data kept across a reopen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../host/store/open-store.js';
import { contractSuite, record } from './contract-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'ksr-sqlite-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshFile = () => join(dir, `t${n++}.db`);

contractSuite(() => openStore(`sqlite:${freshFile()}`));

test('sqlite::memory: works for tests', async () => {
  const s = await openStore('sqlite::memory:');
  s.putLocation(record());
  assert.equal(s.locations({ username: 'alice', domain: '' }).length, 1);
  await s.close();
});

test('an empty file gets Kamailio tables, indexes, version rows, WAL', async () => {
  const file = freshFile();
  await (await openStore(`sqlite:${file}`)).close();
  const db = new Database(file, { readonly: true });
  try {
    assert.deepEqual(db.prepare('SELECT table_name, table_version FROM version ORDER BY table_name').all(), [
      { table_name: 'location', table_version: 9 },
      { table_name: 'subscriber', table_version: 7 },
    ]);
    const cols = (t: string) => (db.prepare(`PRAGMA table_info(${t})`).all() as Array<{ name: string }>).map((c) => c.name);
    assert.deepEqual(cols('subscriber'), ['id', 'username', 'domain', 'password', 'ha1', 'ha1b']);
    assert.deepEqual(cols('location'), [
      'id', 'ruid', 'username', 'domain', 'contact', 'received', 'path', 'expires', 'q', 'callid', 'cseq', 'last_modified', 'flags', 'cflags',
      'user_agent', 'socket', 'methods', 'instance', 'reg_id', 'server_id', 'connection_id', 'keepalive', 'partition',
    ]);
    const indexes = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'location'`).all() as Array<{ name: string }>).map((r) => r.name);
    assert.ok(indexes.includes('location_account_contact_idx'), indexes.join());
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  } finally {
    db.close();
  }
});

test("a table Kamailio made (its DDL, its rows: NULL domain, DATETIME text) is used as is", async () => {
  const file = freshFile();
  const k = new Database(file);
  k.exec(`
    CREATE TABLE version (id INTEGER PRIMARY KEY NOT NULL, table_name VARCHAR(32) NOT NULL, table_version INTEGER DEFAULT 0 NOT NULL,
      CONSTRAINT version_table_name_idx UNIQUE (table_name));
    INSERT INTO version (table_name, table_version) VALUES ('subscriber', 7), ('location', 9);
    CREATE TABLE subscriber (id INTEGER PRIMARY KEY NOT NULL, username VARCHAR(64) DEFAULT '' NOT NULL, domain VARCHAR(64) DEFAULT '' NOT NULL,
      password VARCHAR(64) DEFAULT '' NOT NULL, ha1 VARCHAR(128) DEFAULT '' NOT NULL, ha1b VARCHAR(128) DEFAULT '' NOT NULL,
      CONSTRAINT subscriber_account_idx UNIQUE (username, domain));
    INSERT INTO subscriber (username, domain, password, ha1, ha1b) VALUES ('kam', 'example.com', '', 'aaaa', 'bbbb');
    CREATE TABLE location (id INTEGER PRIMARY KEY NOT NULL, ruid VARCHAR(64) DEFAULT '' NOT NULL, username VARCHAR(64) DEFAULT '' NOT NULL,
      domain VARCHAR(64) DEFAULT NULL, contact VARCHAR(512) DEFAULT '' NOT NULL, received VARCHAR(128) DEFAULT NULL, path VARCHAR(512) DEFAULT NULL,
      expires TIMESTAMP WITHOUT TIME ZONE DEFAULT '2030-05-28 21:32:15' NOT NULL, q REAL DEFAULT 1.0 NOT NULL,
      callid VARCHAR(255) DEFAULT 'Default-Call-ID' NOT NULL, cseq INTEGER DEFAULT 1 NOT NULL,
      last_modified TIMESTAMP WITHOUT TIME ZONE DEFAULT '2000-01-01 00:00:01' NOT NULL, flags INTEGER DEFAULT 0 NOT NULL,
      cflags INTEGER DEFAULT 0 NOT NULL, user_agent VARCHAR(255) DEFAULT '' NOT NULL, socket VARCHAR(64) DEFAULT NULL,
      methods INTEGER DEFAULT NULL, instance VARCHAR(255) DEFAULT NULL, reg_id INTEGER DEFAULT 0 NOT NULL,
      server_id INTEGER DEFAULT 0 NOT NULL, connection_id INTEGER DEFAULT 0 NOT NULL, keepalive INTEGER DEFAULT 0 NOT NULL,
      partition INTEGER DEFAULT 0 NOT NULL, CONSTRAINT location_ruid_idx UNIQUE (ruid));
    INSERT INTO location (ruid, username, contact, expires, callid, cseq, last_modified, user_agent)
      VALUES ('uloc-5f0c', 'kam', 'sip:kam@192.0.2.1:5060', '2030-01-01 00:00:00', 'abc', 3, '2029-12-31 23:00:00', 'Kamailio');
  `);
  k.close();
  const s = await openStore(`sqlite:${file}`);
  try {
    assert.deepEqual(s.subscriber('kam', 'example.com'), { username: 'kam', domain: 'example.com', password: '', ha1: 'aaaa', ha1b: 'bbbb' });
    const [r] = s.locations({ username: 'kam', domain: '' });
    assert.equal(r!.ruid, 'uloc-5f0c');
    assert.equal(r!.expires, Date.UTC(2030, 0, 1) / 1000);
    assert.equal(r!.lastModified, Date.UTC(2029, 11, 31, 23) / 1000);
    assert.equal(r!.q, 1);
    assert.equal(r!.methods, -1);
    assert.equal(r!.received, '');
    s.putLocation(record({ ruid: 'ours' }));
    assert.equal(s.allLocations().length, 2);
  } finally {
    await s.close();
  }
});

test('a table of another Kamailio layout version is refused with a clear error', async () => {
  const file = freshFile();
  const k = new Database(file);
  k.exec(`CREATE TABLE version (id INTEGER PRIMARY KEY NOT NULL, table_name VARCHAR(32) NOT NULL, table_version INTEGER DEFAULT 0 NOT NULL);
    INSERT INTO version (table_name, table_version) VALUES ('location', 8);`);
  k.close();
  await assert.rejects(openStore(`sqlite:${file}`), /table 'location' has version 8 in the version table, expected 9/);
  assert.deepEqual(descriptorsOf(file), [], 'the refused store keeps no connection to the file open');
});

/** This process's open file descriptors on `file` (Linux: /proc/self/fd). */
function descriptorsOf(file: string): string[] {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false; // closed meanwhile (the directory's own descriptor)
    }
  });
}

test('records survive closing and reopening the file', async () => {
  const file = freshFile();
  const a = await openStore(`sqlite:${file}`);
  a.putLocation(record({ ruid: 'kept' }));
  await a.addSubscriber('alice', 'example.com', 'x');
  await a.close();
  const b = await openStore(`sqlite:${file}`);
  assert.deepEqual(b.locations({ username: 'alice', domain: '' }), [record({ ruid: 'kept' })]);
  assert.ok(b.subscriber('alice', 'example.com'));
  await b.close();
});

test('store URLs: errors say what was expected', async () => {
  await assert.rejects(openStore('mysql://x'), /unknown scheme 'mysql:', expected sqlite:, redis:\/\/ or postgres:\/\//);
  await assert.rejects(openStore('sqlite:'), /expected sqlite:PATH/);
  await assert.rejects(openStore('postgres://u@127.0.0.1:5432'), /expected a database name/);
  await assert.rejects(openStore('redis://127.0.0.1:6379/x'), /must be a number/);
});
