// Route statistics (host/core/route-stats.ts): the figures kemi.stats reports per callback,
// p50/p99 from the log-spaced histogram, and the workers' snapshots merged into the server's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bucketUpperUs, percentileOf, RouteStats } from '../../host/core/route-stats.js';
import { mergeRouteStats } from '../../host/workers/merge-stats.js';

test('count, sum, min, max, avg, and p50/p99 within a bucket (19 %) of the true percentiles', () => {
  const s = new RouteStats();
  // 1..1000 µs once each: the true median is 500, the 99th percentile 990
  for (let us = 1; us <= 1000; us++) s.recordUs('ksr_request_route', us);
  const f = s.snapshot().ksr_request_route!;
  assert.equal(f.count, 1000);
  assert.equal(f.sum, 500_500);
  assert.equal(f.min, 1);
  assert.equal(f.max, 1000);
  assert.equal(f.avg, 500.5);
  assert.ok(f.p50 >= 500 && f.p50 <= 500 * 1.19, `p50 ${f.p50}`);
  assert.ok(f.p99 >= 990 && f.p99 <= 990 * 1.19, `p99 ${f.p99}`);
  assert.equal(f.histogram.reduce((n, c) => n + c, 0), 1000);
});

test('a slow tail moves p99 and not p50', () => {
  const s = new RouteStats();
  for (let i = 0; i < 980; i++) s.recordUs('r', 50);
  for (let i = 0; i < 20; i++) s.recordUs('r', 20_000);
  const f = s.snapshot().r!;
  assert.ok(f.p50 >= 50 && f.p50 < 60, `p50 ${f.p50}`);
  assert.ok(f.p99 >= 20_000 && f.p99 < 24_000, `p99 ${f.p99}`);
});

test('the percentile is the bound of the bucket where the running count reaches the share', () => {
  assert.equal(percentileOf([], 0.5), 0);
  assert.equal(percentileOf([0, 0, 3, 1], 0.5), bucketUpperUs(2));
  assert.equal(percentileOf([0, 0, 3, 1], 0.99), bucketUpperUs(3));
});

test('two workers merged are the figures of one RouteStats that saw both', () => {
  const a = new RouteStats();
  const b = new RouteStats();
  const both = new RouteStats();
  for (let i = 0; i < 500; i++) {
    const fast = 20 + (i % 7);
    const slow = 900 + i;
    a.recordUs('r', fast);
    b.recordUs('r', slow);
    both.recordUs('r', fast);
    both.recordUs('r', slow);
  }
  b.recordUs('only_b', 5);
  both.recordUs('only_b', 5);
  assert.deepEqual(mergeRouteStats([a.snapshot(), b.snapshot()]), both.snapshot());
});
