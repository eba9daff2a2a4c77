// The limit throttle on its own, on a clock the test moves: a source is throttled after `hits`
// limit hits within the window, for blockMs, and alone; the table stays bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LimitThrottle, retryAfterHeader } from '../../host/core/limit-throttle.js';

function throttle(maxSources = 1024) {
  let now = 0;
  const t = new LimitThrottle({ hits: 3, windowMs: 1000, blockMs: 5000, maxSources }, () => now);
  return { t, at: (ms: number) => (now = ms) };
}

test('hits spread wider than the window do not throttle', () => {
  const { t, at } = throttle();
  for (const ms of [0, 600, 1200, 1800, 2400]) {
    at(ms);
    t.hit('10.0.0.1');
    assert.equal(t.refuses('10.0.0.1'), 0, `after the hit at ${ms} ms`);
  }
  assert.equal(t.counters.throttled, 0);
});

test('the third hit within the window throttles that source only, for blockMs', () => {
  const { t, at } = throttle();
  at(0), t.hit('10.0.0.1');
  at(400), t.hit('10.0.0.1');
  at(800), t.hit('10.0.0.1');
  assert.equal(t.refuses('10.0.0.1'), 5000);
  assert.equal(t.refuses('10.0.0.2'), 0);
  at(5700);
  assert.equal(t.refuses('10.0.0.1'), 100);
  at(5800);
  assert.equal(t.refuses('10.0.0.1'), 0);
  assert.deepEqual(t.counters, { limitHits: 3, throttled: 1, refused: 2, forgotten: 0 });
  // the block cleared the hits: one more hit alone does not throttle again
  t.hit('10.0.0.1');
  assert.equal(t.refuses('10.0.0.1'), 0);
});

test('the table is bounded: the source least recently seen is forgotten', () => {
  const { t } = throttle(2);
  t.hit('a'), t.hit('a');
  t.hit('b');
  t.hit('c'); // forgets a
  t.hit('a');
  assert.equal(t.refuses('a'), 0, 'a started over');
  assert.equal(t.snapshot().tracked, 2);
  assert.equal(t.counters.forgotten, 2);
});

test('Retry-After is in whole seconds, at least 1', () => {
  assert.equal(retryAfterHeader(10), 'Retry-After: 1');
  assert.equal(retryAfterHeader(9001), 'Retry-After: 10');
});
