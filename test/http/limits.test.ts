import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, createNet, ManualClock, modelUrl, newSession, problem, snapshot, type TestApp } from './support/app.js';

/**
 * Limits (issue 3, item 5): each one is set through its environment variable,
 * and going over it gives the documented status as problem+json that names the
 * limit and its value: 413 for the body, 422 for the size of a tensor or a
 * model, 429 for count quotas. A refused request changes nothing.
 */
let t: TestApp;
afterEach(async () => t?.close());

const linear = (i: number, o: number) => ({ type: 'Linear', in_features: i, out_features: o });
const seq = (...layers: unknown[]) => ({ type: 'Sequential', layers });

function expectLimit(r: Awaited<ReturnType<TestApp['inject']>>, status: number, limit: string, value: number, field?: string) {
  expect(r.statusCode, r.body).toBe(status);
  const body = problem(r);
  expect(body.code).toBe(status === 429 ? 'QUOTA_EXCEEDED' : status === 413 ? 'PAYLOAD_TOO_LARGE' : 'LIMIT_EXCEEDED');
  expect(body.limit).toBe(limit);
  expect(body.limitValue).toBe(value);
  expect(body.detail).toContain(String(value));
  if (field !== undefined) expect(body.field).toBe(field);
  return body;
}

describe('limits, each configured by its environment variable', () => {
  it('MAX_BODY_BYTES: a larger body is 413, JSON or octet-stream, before it is parsed', async () => {
    t = await buildTestApp({ env: { MAX_BODY_BYTES: '4096' } });
    expect(t.config.limits.maxBodyBytes).toBe(4096);
    const s = await newSession(t);
    await createNet(t, s);
    const input = Array.from({ length: 300 }, () => [0.125, 0.25, 0.5, 1]);
    expect(JSON.stringify({ input }).length).toBeGreaterThan(4096);
    expectLimit(await t.inject({ method: 'POST', url: modelUrl(s, 'net', '/forward'), headers: s.auth, payload: { input } }), 413, 'maxBodyBytes', 4096);
    const file = Buffer.alloc(5000, 1);
    expectLimit(
      await t.inject({ method: 'PUT', url: modelUrl(s, 'net', '/state_dict'), headers: { ...s.auth, 'content-type': 'application/octet-stream' }, payload: file }),
      413,
      'maxBodyBytes',
      4096,
    );
    // Just under the limit is fine.
    const small = await t.inject({ method: 'POST', url: modelUrl(s, 'net', '/forward'), headers: s.auth, payload: { input: input.slice(0, 50) } });
    expect(small.statusCode).toBe(200);
    expect((await t.inject({ method: 'GET', url: modelUrl(s, 'net'), headers: s.auth })).json().version).toBe(1);
  });

  it('MAX_TENSOR_ELEMENTS: every tensor a request carries is checked, naming its field', async () => {
    t = await buildTestApp({ env: { MAX_TENSOR_ELEMENTS: '16' } });
    const s = await newSession(t);
    await createNet(t, s);
    const before = await snapshot(t, s, 'net');
    const big = Array.from({ length: 5 }, () => [1, 2, 3, 4]); // 20 elements
    const ok = Array.from({ length: 4 }, () => [1, 2, 3, 4]); // 16 elements
    const cases: [string, string, object, string][] = [
      ['POST', '/forward', { input: big }, 'input'],
      ['POST', '/forward', { input: { shape: [5, 4], base64: Buffer.alloc(80).toString('base64') } }, 'input'],
      ['POST', '/forward', { input: { shape: [1000000, 1000000], data: [] } }, 'input'],
      ['POST', '/backward', { input: big, loss: 'sum' }, 'input'],
      ['POST', '/backward', { input: [[1, 2, 3, 4]], loss: 'mse', target: Array(17).fill([1]) }, 'target'],
      ['PATCH', '/parameters/0.weight', { op: 'set', value: Array(17).fill(1) }, 'value'],
      ['PUT', '/parameters/0.weight', { data: Array.from({ length: 8 }, () => [1, 2, 3, 4]) }, 'data'],
      ['PUT', '/state_dict', { stateDict: { '0.weight': { shape: [8, 4], data: Array.from({ length: 8 }, () => [1, 2, 3, 4]) } }, strict: false }, 'stateDict.0.weight'],
    ];
    for (const [method, rest, payload, field] of cases)
      expectLimit(await t.inject({ method: method as 'POST', url: modelUrl(s, 'net', rest), headers: s.auth, payload }), 422, 'maxTensorElements', 16, field);
    expect(await snapshot(t, s, 'net')).toEqual(before);
    expect((await t.inject({ method: 'POST', url: modelUrl(s, 'net', '/forward'), headers: s.auth, payload: { input: ok } })).statusCode).toBe(200);
  });

  it('MAX_TENSOR_DIMS: a tensor with more dimensions is 422', async () => {
    t = await buildTestApp({ env: { MAX_TENSOR_DIMS: '3' } });
    const s = await newSession(t);
    await createNet(t, s);
    expectLimit(await t.inject({ method: 'POST', url: modelUrl(s, 'net', '/forward'), headers: s.auth, payload: { input: [[[[1, 2, 3, 4]]]] } }), 422, 'maxTensorDims', 3, 'input');
    expectLimit(
      await t.inject({ method: 'POST', url: modelUrl(s, 'net', '/forward'), headers: s.auth, payload: { input: { shape: [1, 1, 1, 4], data: [1, 2, 3, 4] } } }),
      422,
      'maxTensorDims',
      3,
      'input',
    );
    expect((await t.inject({ method: 'POST', url: modelUrl(s, 'net', '/forward'), headers: s.auth, payload: { input: [[[1, 2, 3, 4]]] } })).statusCode).toBe(200);
  });

  it('MAX_MODEL_PARAMETERS: a model with more parameter elements is 422 (a shared module counts once)', async () => {
    t = await buildTestApp({ env: { MAX_MODEL_PARAMETERS: '100' } });
    const s = await newSession(t);
    const create = (name: string, architecture: unknown) => t.inject({ method: 'POST', url: modelUrl(s), headers: s.auth, payload: { name, architecture } });
    expectLimit(await create('big', linear(10, 10)), 422, 'maxModelParameters', 100, 'architecture'); // 110
    expectLimit(await create('sum', seq(linear(7, 7), linear(7, 7))), 422, 'maxModelParameters', 100); // 112
    expect((await create('fits', linear(9, 9))).statusCode).toBe(201); // 90
    const tied = { type: 'Sequential', shared: { s: linear(7, 7) }, layers: [{ ref: 's' }, { ref: 's' }] }; // 56, once
    expect((await create('tied', tied)).statusCode).toBe(201);
    // A state dict carrying more elements than a model may hold is refused the same way.
    const r = await t.inject({ method: 'PUT', url: modelUrl(s, 'fits', '/state_dict'), headers: s.auth, payload: { stateDict: { a: Array(60).fill(0), b: Array(60).fill(0) }, strict: false } });
    expectLimit(r, 422, 'maxModelParameters', 100, 'stateDict');
    expect((await t.inject({ method: 'GET', url: modelUrl(s), headers: s.auth })).json().models.map((m: { name: string }) => m.name)).toEqual(['fits', 'tied']);
  });

  it('MAX_MODEL_DEPTH: an architecture nested deeper is 422 naming the node', async () => {
    t = await buildTestApp({ env: { MAX_MODEL_DEPTH: '2' } });
    const s = await newSession(t);
    const create = (name: string, architecture: unknown) => t.inject({ method: 'POST', url: modelUrl(s), headers: s.auth, payload: { name, architecture } });
    expect((await create('ok', seq(seq({ type: 'ReLU' })))).statusCode).toBe(201); // ReLU at depth 2
    const body = expectLimit(await create('deep', seq(seq(seq({ type: 'ReLU' })))), 422, 'maxModelDepth', 2);
    expect(body.field).toMatch(/^architecture\.layers\[0\]\.layers\[0\]/);
    // A ref that places a deep shared module deeper still counts its whole height.
    const shared = { type: 'Sequential', shared: { s: seq({ type: 'ReLU' }) }, layers: [seq({ ref: 's' })] };
    expectLimit(await create('deep-ref', shared), 422, 'maxModelDepth', 2);
  });

  it('MAX_MODEL_MODULES: more module paths (a shared module at each position) is 422', async () => {
    t = await buildTestApp({ env: { MAX_MODEL_MODULES: '4' } });
    const s = await newSession(t);
    const create = (name: string, architecture: unknown) => t.inject({ method: 'POST', url: modelUrl(s), headers: s.auth, payload: { name, architecture } });
    expect((await create('ok', seq({ type: 'ReLU' }, { type: 'ReLU' }, { type: 'ReLU' }))).statusCode).toBe(201); // 4 paths
    expectLimit(await create('wide', seq({ type: 'ReLU' }, { type: 'ReLU' }, { type: 'ReLU' }, { type: 'ReLU' })), 422, 'maxModelModules', 4);
    const tied = { type: 'Sequential', shared: { s: seq({ type: 'ReLU' }) }, layers: [{ ref: 's' }, { ref: 's' }] }; // 1 + 2 + 2
    expectLimit(await create('tied', tied), 422, 'maxModelModules', 4);
    const deep = { type: 'Sequential', layers: Array.from({ length: 100_000 }, () => ({ type: 'ReLU' })) };
    expectLimit(await create('huge', deep), 422, 'maxModelModules', 4);
  });

  it('MAX_MODELS_PER_SESSION: one more model is 429; deleting one makes room', async () => {
    t = await buildTestApp({ env: { MAX_MODELS_PER_SESSION: '2' } });
    const s = await newSession(t);
    const other = await newSession(t);
    await createNet(t, s, 'a');
    await createNet(t, s, 'b');
    expectLimit(await t.inject({ method: 'POST', url: modelUrl(s), headers: s.auth, payload: { name: 'c', architecture: linear(1, 1) } }), 429, 'maxModelsPerSession', 2);
    await createNet(t, other, 'a'); // a quota per session
    expect((await t.inject({ method: 'DELETE', url: modelUrl(s, 'a'), headers: s.auth })).statusCode).toBe(204);
    await createNet(t, s, 'c');
  });

  it('MAX_SESSIONS: one more live session is 429; an ended or expired one makes room', async () => {
    const clock = new ManualClock(Date.now());
    t = await buildTestApp({ clock, env: { MAX_SESSIONS: '3', SESSION_TTL_SECONDS: '60' } });
    const a = await newSession(t);
    await newSession(t);
    await newSession(t);
    expectLimit(await t.inject({ method: 'POST', url: '/v1/sessions' }), 429, 'maxSessions', 3);
    expect((await t.inject({ method: 'DELETE', url: `/v1/sessions/${a.id}`, headers: a.auth })).statusCode).toBe(204);
    await newSession(t);
    expectLimit(await t.inject({ method: 'POST', url: '/v1/sessions' }), 429, 'maxSessions', 3);
    clock.advance(61_000);
    await newSession(t);
  });

  it('MAX_SESSION_BYTES: a model or a write that would store more is 429 and changes nothing', async () => {
    t = await buildTestApp({ env: { MAX_SESSION_BYTES: '2048' } });
    const s = await newSession(t);
    const other = await newSession(t);
    // Linear(16, 16): 272 float32 values, 1088 bytes plus the safetensors header.
    const arch = linear(16, 16);
    expect((await t.inject({ method: 'POST', url: modelUrl(s), headers: s.auth, payload: { name: 'a', architecture: arch, seed: 1 } })).statusCode).toBe(201);
    expectLimit(await t.inject({ method: 'POST', url: modelUrl(s), headers: s.auth, payload: { name: 'b', architecture: arch } }), 429, 'maxSessionBytes', 2048);
    // Gradients are stored too: the first backward would double the model's bytes.
    const before = await snapshot(t, s, 'a');
    const r = await t.inject({ method: 'POST', url: modelUrl(s, 'a', '/backward'), headers: s.auth, payload: { input: [Array(16).fill(1)], loss: 'sum' } });
    expectLimit(r, 429, 'maxSessionBytes', 2048);
    expect(await snapshot(t, s, 'a')).toEqual(before);
    // Another session has its own budget.
    expect((await t.inject({ method: 'POST', url: modelUrl(other), headers: other.auth, payload: { name: 'b', architecture: arch } })).statusCode).toBe(201);
  });

  it('an invalid limit in the environment stops the service at start, naming the variable', async () => {
    const { loadConfig } = await import('../../src/core/index.js');
    for (const [name, value] of [['MAX_TENSOR_ELEMENTS', 'many'], ['MAX_SESSIONS', '0'], ['MAX_BODY_BYTES', '-5'], ['MAX_MODEL_DEPTH', '1.5']])
      expect(() => loadConfig({ [name]: value }), name).toThrow(new RegExp(name));
  });
});
