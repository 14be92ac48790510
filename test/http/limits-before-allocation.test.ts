import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, modelUrl, newSession, problem, type SessionCreds, type TestApp } from './support/app.js';

/**
 * Limits before allocation (issue 3, item 5): `Linear(1e9, 1e9)` and other
 * models far over MAX_MODEL_PARAMETERS are refused from the spec's arithmetic,
 * so serving hundreds of them leaves the process's memory where it was. Each
 * of the refused specs would need at least 256 MiB if it were built, so one
 * allocation alone would move the peak resident size past the bound below.
 * (Alone in its file: the peak RSS of the process must not be set by other tests.)
 */
const MiB = 1024 * 1024;
const ROUNDS = 300;
const OVERSIZED = [
  { type: 'Linear', in_features: 1e9, out_features: 1e9 },
  { type: 'Linear', in_features: 8192, out_features: 8192 }, // 67M parameters: 256 MiB of float32
  { type: 'Sequential', layers: Array.from({ length: 8 }, () => ({ type: 'Linear', in_features: 4096, out_features: 2048 })) },
  { type: 'Sequential', shared: { s: { type: 'Linear', in_features: 1e6, out_features: 1e3 } }, layers: [{ ref: 's' }] },
];

let t: TestApp;
let s: SessionCreds;
beforeAll(async () => {
  t = await buildTestApp();
  s = await newSession(t);
});
afterAll(async () => t?.close());

const create = (i: number) =>
  t.inject({ method: 'POST', url: modelUrl(s), headers: s.auth, payload: { name: `m${i}`, architecture: OVERSIZED[i % OVERSIZED.length], seed: i } });

function memory() {
  return { ...process.memoryUsage(), peakRss: process.resourceUsage().maxRSS * 1024 };
}

describe('oversized models are refused before anything is allocated', () => {
  it('Linear(1e9, 1e9) is 422 LIMIT_EXCEEDED naming maxModelParameters and its value', async () => {
    const r = await t.inject({ method: 'POST', url: modelUrl(s), headers: s.auth, payload: { name: 'huge', architecture: OVERSIZED[0] } });
    expect(r.statusCode).toBe(422);
    const body = problem(r);
    expect(body).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'maxModelParameters', limitValue: t.config.limits.maxModelParameters, field: 'architecture' });
    expect(body.detail).toContain('1000000001000000000'); // the exact count, weight and bias
  });

  it(`${ROUNDS} of them leave heap, array buffers and peak RSS where they were`, async () => {
    for (let i = 0; i < 40; i++) expect((await create(i)).statusCode).toBe(422); // warm up: JIT, caches, pools
    const before = memory();
    for (let i = 0; i < ROUNDS; i++) {
      const r = await create(i);
      expect(r.statusCode).toBe(422);
    }
    const after = memory();
    const grew = (k: keyof typeof before) => (after[k] - before[k]) / MiB;
    // One built model would add at least 256 MiB; the bounds leave room only for the allocator's noise.
    expect(grew('peakRss'), 'peak RSS (MiB)').toBeLessThan(64);
    expect(grew('rss'), 'RSS (MiB)').toBeLessThan(64);
    expect(grew('arrayBuffers'), 'array buffers (MiB)').toBeLessThan(16);
    expect(grew('heapUsed'), 'heap (MiB)').toBeLessThan(32);
    // And nothing was stored.
    expect((await t.inject({ method: 'GET', url: modelUrl(s), headers: s.auth })).json().models).toEqual([]);
  });
});
