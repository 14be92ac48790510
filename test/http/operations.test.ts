import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, createNet, modelUrl, newSession, problem, type TestApp } from './support/app.js';
import { REDIS_AVAILABLE } from './support/stores.js';
import { startRedis } from '../support/redis-server.js';

/**
 * Operations (issue 3, item 8): liveness, readiness that follows the store
 * (503 once it cannot be reached) and the drain, and Prometheus metrics: the
 * latency histogram per route and status, live sessions, models and
 * parameter bytes.
 */
let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

/** Prometheus text → `name{labels}` → value. */
function samples(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const cut = line.lastIndexOf(' ');
    out.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return out;
}

const labels = (route: string, method: string, status: number) => `transport="http",route="${route}",method="${method}",status="${status}"`;

describe('health and readiness', () => {
  it('/healthz is 200 and /readyz is 200 while the store answers', async () => {
    t = await buildTestApp();
    const health = await t.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await t.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('/readyz is 503 SHUTTING_DOWN while the process drains; /healthz stays 200', async () => {
    let draining = false;
    t = await buildTestApp({ isDraining: () => draining });
    expect((await t.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    draining = true;
    const r = await t.inject({ method: 'GET', url: '/readyz' });
    expect(r.statusCode).toBe(503);
    expect(problem(r).code).toBe('SHUTTING_DOWN');
    expect((await t.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it.runIf(REDIS_AVAILABLE)('/readyz is 503 STORE_UNAVAILABLE once the Redis server is stopped; /healthz stays 200', async () => {
    const redis = await startRedis();
    try {
      t = await buildTestApp({ env: { PARAMSERVE_STORE: 'redis', REDIS_URL: redis.url, REDIS_PREFIX: 'ops:' } });
      expect((await t.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
      await redis.stop();
      const r = await t.inject({ method: 'GET', url: '/readyz' });
      expect(r.statusCode).toBe(503);
      const body = problem(r);
      expect(body.code).toBe('STORE_UNAVAILABLE');
      expect((await t.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      // A request that needs the store is a 503 too, not a 500 and not a hang.
      const s = await t.inject({ method: 'POST', url: '/v1/sessions' });
      expect(s.statusCode).toBe(503);
      expect(problem(s).code).toBe('STORE_UNAVAILABLE');
    } finally {
      await redis.stop();
    }
  });
});

describe('/metrics', () => {
  it('has the latency histogram per route, method and status, counting each request once', async () => {
    t = await buildTestApp();
    const s = await newSession(t);
    await createNet(t, s);
    for (let i = 0; i < 3; i++) expect((await t.inject({ method: 'GET', url: modelUrl(s, 'net'), headers: s.auth })).statusCode).toBe(200);
    for (let i = 0; i < 2; i++) expect((await t.inject({ method: 'GET', url: modelUrl(s, 'missing'), headers: s.auth })).statusCode).toBe(404);
    expect((await t.inject({ method: 'POST', url: modelUrl(s, 'net', '/forward'), headers: s.auth, payload: { input: [[1, 2, 3]] } })).statusCode).toBe(422);
    expect((await t.inject({ method: 'GET', url: '/no/such/route' })).statusCode).toBe(404);

    const r = await t.inject({ method: 'GET', url: '/metrics' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain/);
    const m = samples(r.body);
    const model = '/v1/sessions/:sid/models/:name';
    expect(m.get(`paramserve_request_duration_seconds_count{${labels(model, 'GET', 200)}}`)).toBe(3);
    expect(m.get(`paramserve_request_duration_seconds_count{${labels(model, 'GET', 404)}}`)).toBe(2);
    expect(m.get(`paramserve_request_duration_seconds_count{${labels(`${model}/forward`, 'POST', 422)}}`)).toBe(1);
    expect(m.get(`paramserve_request_duration_seconds_count{${labels('/v1/sessions', 'POST', 201)}}`)).toBe(1);
    expect(m.get(`paramserve_request_duration_seconds_count{${labels(model, 'GET', 200)}}`)).toBe(3);
    // A URL no route matches is one series, not one per URL.
    expect([...m.keys()].some((k) => k.includes('/no/such/route'))).toBe(false);
    // Buckets are cumulative and end in +Inf = count.
    const buckets = [...m.entries()].filter(([k]) => k.startsWith('paramserve_request_duration_seconds_bucket{') && k.includes(labels(model, 'GET', 200)));
    expect(buckets.length).toBeGreaterThan(5);
    const values = buckets.map(([, v]) => v);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(m.get(`paramserve_request_duration_seconds_bucket{le="+Inf",${labels(model, 'GET', 200)}}`)).toBe(3);
    expect(m.get(`paramserve_request_duration_seconds_sum{${labels(model, 'GET', 200)}}`)).toBeGreaterThan(0);
  });

  it('has live sessions, models and parameter bytes as the store counts them', async () => {
    t = await buildTestApp();
    const read = async () => samples((await t!.inject({ method: 'GET', url: '/metrics' })).body);
    let m = await read();
    expect(m.get('paramserve_live_sessions')).toBe(0);
    expect(m.get('paramserve_models')).toBe(0);
    expect(m.get('paramserve_parameter_bytes')).toBe(0);

    const a = await newSession(t);
    const b = await newSession(t);
    await newSession(t);
    await createNet(t, a, 'one');
    await createNet(t, a, 'two');
    await createNet(t, b, 'three', { type: 'Linear', in_features: 100, out_features: 10 });
    m = await read();
    expect(m.get('paramserve_live_sessions')).toBe(3);
    expect(m.get('paramserve_models')).toBe(3);
    const stats = await t.store.stats(Date.now());
    expect(m.get('paramserve_parameter_bytes')).toBe(stats.bytes);
    // At least the float32 values: 49 + 49 + 1010 parameters.
    expect(stats.bytes).toBeGreaterThanOrEqual(4 * (49 + 49 + 1010));

    // Gradients are stored bytes too; deleting a session takes its models with it.
    await t.inject({ method: 'POST', url: modelUrl(b, 'three', '/backward'), headers: b.auth, payload: { input: [new Array(100).fill(1)], loss: 'sum' } });
    const withGrads = (await read()).get('paramserve_parameter_bytes')!;
    expect(withGrads).toBeGreaterThanOrEqual(stats.bytes + 4 * 1010);
    await t.inject({ method: 'DELETE', url: `/v1/sessions/${a.id}`, headers: a.auth });
    m = await read();
    expect(m.get('paramserve_live_sessions')).toBe(2);
    expect(m.get('paramserve_models')).toBe(1);
    expect(m.get('paramserve_parameter_bytes')).toBe((await t.store.stats(Date.now())).bytes);
  });

  it('carries the process metrics (memory, CPU, event-loop lag)', async () => {
    t = await buildTestApp();
    const text = (await t.inject({ method: 'GET', url: '/metrics' })).body;
    for (const name of ['paramserve_process_resident_memory_bytes', 'paramserve_process_cpu_seconds_total', 'paramserve_nodejs_eventloop_lag_seconds'])
      expect(text).toContain(`\n${name} `);
  });
});
