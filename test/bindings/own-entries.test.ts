// Names a script gives are looked up among a table's own entries only: "constructor",
// "toString", "__proto__" (Object.prototype's) are no protocol, route kind or PV field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIXTURES, makeContext } from '../support/sip-fixtures.js';
import { ksrOn } from './ksr-call.js';

const INHERITED = ['constructor', 'toString', '__proto__', 'hasOwnProperty'];

test('tm refuses an inherited name as a protocol or a route kind; $T(name) answers null for one', () => {
  for (const name of INHERITED) {
    const ksr = ksrOn(makeContext(FIXTURES.invite));
    assert.equal(ksr('tm.t_relay_to_proto', name), -1, `t_relay_to_proto(${name})`);
    assert.equal(ksr('tm.t_relay_to_proto_addr', name, '127.0.0.1', 5060), -1, `t_relay_to_proto_addr(${name})`);
    assert.equal(ksr('tm.t_is_set', name), -1, `t_is_set(${name})`);
    assert.equal(ksr('pv.get', `$T(${name})`), null, `$T(${name})`);
  }
  // the real names still answer
  const ksr = ksrOn(makeContext(FIXTURES.invite));
  assert.equal(ksr('tm.t_is_set', 'failure_route'), -1);
  ksr('tm.t_on_failure', 'fail');
  assert.equal(ksr('tm.t_is_set', 'failure_route'), 1);
});
