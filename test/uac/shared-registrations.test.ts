// With workers: the registering (primary) thread's record states reach the other workers
// through the shared state, and enable/disable in any worker reaches the primary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSharedState, removeSharedState, SharedState } from '../../host/shared/shared-state.js';
import { Registrations, REG_DISABLED, REG_ONLINE } from '../../host/uac/registrations.js';
import { SharedRegState } from '../../host/uac/shared-reg-state.js';
import { parseUacSettings } from '../../host/uac/settings.js';
import { RecordingCore } from '../support/sip-fixtures.js';

test('uac_reg_status in another worker reads the primary\'s state; its disable reaches the primary', () => {
  const h = createSharedState();
  const [s1, s2] = [SharedState.open(h, { owner: 1 }), SharedState.open(h, { owner: 2 })];
  try {
    const settings = parseUacSettings({ reg_contact_addr: '127.0.0.1:5060', registrations: [{ l_uuid: 'acc1', r_username: 'u', r_domain: '127.0.0.2' }] });
    const core = new RecordingCore();
    const primary = new Registrations(core, core.logger, settings, true, new SharedRegState(s1));
    const other = new Registrations(core, core.logger, settings, false, new SharedRegState(s2));
    assert.equal(other.status('acc1'), -99);
    primary.tick();
    assert.equal(other.status('acc1'), -2, 'ongoing, seen from the other worker');
    const r = primary.byUuid('acc1')!;
    r.state = REG_ONLINE;
    (primary as unknown as { publish(r: unknown): void }).publish(r);
    assert.equal(other.status('acc1'), 1);
    other.setDisabled(other.byUuid('acc1')!, true);
    assert.equal(other.status('acc1'), -3);
    primary.tick();
    assert.equal(primary.byUuid('acc1')!.state & REG_DISABLED, REG_DISABLED, 'the primary took the disable');
    assert.equal(primary.status('acc1'), -3);
    primary.stop();
  } finally {
    s1.close();
    s2.close();
    removeSharedState(h);
  }
});
