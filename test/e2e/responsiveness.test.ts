import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './support/server.js';

/**
 * One slow request does not freeze the others (issue 3, item 7). A
 * forward+backward of a 1024-1024-1024-1024 net on a batch of 128 (about 1.2
 * billion multiply-adds) goes to a compute worker thread; while it runs,
 * /healthz and small requests on another session are answered: they finish
 * while the big request is still pending. The worker computes exactly what the
 * event loop would (COMPUTE_WORKERS=1 against COMPUTE_WORKERS=0).
 */
const WIDTH = 1024;
const BATCH = 128;
const BIG = {
  type: 'Sequential',
  layers: [
    { type: 'Linear', in_features: WIDTH, out_features: WIDTH },
    { type: 'ReLU' },
    { type: 'Linear', in_features: WIDTH, out_features: WIDTH },
    { type: 'ReLU' },
    { type: 'Linear', in_features: WIDTH, out_features: WIDTH },
  ],
};
const SMALL = { type: 'Sequential', layers: [{ type: 'Linear', in_features: 4, out_features: 8 }, { type: 'ReLU' }, { type: 'Linear', in_features: 8, out_features: 1 }] };

/** A fixed batch in [-1, 1) from a small LCG, sent as raw float32 (base64) to keep the body small. */
function batch(): { shape: number[]; base64: string } {
  const data = new Float32Array(BATCH * WIDTH);
  let x = 12345;
  for (let i = 0; i < data.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    data[i] = x / 2 ** 31 - 1;
  }
  return { shape: [BATCH, WIDTH], base64: Buffer.from(data.buffer).toString('base64') };
}

const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

async function start(workers: number): Promise<TestServer> {
  const server = await startServer({ COMPUTE_WORKERS: String(workers) });
  servers.push(server);
  return server;
}

async function call(server: TestServer, method: string, path: string, token?: string, body?: unknown): Promise<any> {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(server.httpUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await r.json();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
  return json;
}

async function modelIn(server: TestServer, name: string, architecture: unknown) {
  const s = await call(server, 'POST', '/v1/sessions');
  await call(server, 'POST', `/v1/sessions/${s.id}/models`, s.token, { name, architecture, seed: 7 });
  return { m: `/v1/sessions/${s.id}/models/${name}`, token: s.token as string };
}

/** Counts the jobs the server's compute runner hands to its worker pool. */
function countOffloads(server: TestServer): { count: number } {
  const counter = { count: 0 };
  const pool = (server.service.ctx.compute as unknown as { pool: { run: (...a: unknown[]) => Promise<unknown> } | null }).pool;
  if (pool !== null) {
    const run = pool.run.bind(pool);
    pool.run = (...a: unknown[]) => {
      counter.count += 1;
      return run(...a);
    };
  }
  return counter;
}

describe('a big forward+backward on a worker thread', () => {
  it('leaves /healthz and small requests on another session answering while it runs', { timeout: 180_000 }, async () => {
    const server = await start(1);
    const offloads = countOffloads(server);
    const big = await modelIn(server, 'big', BIG);
    const small = await modelIn(server, 'small', SMALL);

    // Learn when the compute itself has begun (the body is in, parsed and authorised).
    const compute = server.service.ctx.compute;
    const backward = compute.backward.bind(compute);
    let began!: () => void;
    const computing = new Promise<void>((resolve) => (began = resolve));
    compute.backward = (...args: Parameters<typeof backward>) => {
      began();
      return backward(...args);
    };

    const finished: string[] = [];
    let bigPending = true;
    const bigRequest = call(server, 'POST', `${big.m}/backward`, big.token, { input: batch(), loss: 'mean' }).then((r) => {
      bigPending = false;
      finished.push('big');
      return r;
    });
    await computing;
    const whilePending: boolean[] = [];
    for (let round = 0; round < 5; round++) {
      const health = await fetch(`${server.httpUrl}/healthz`);
      expect(health.status).toBe(200);
      finished.push('healthz');
      whilePending.push(bigPending);
      const out = await call(server, 'POST', `${small.m}/forward`, small.token, { input: [[0.1, 0.2, 0.3, 0.4]] });
      expect(out.shape).toEqual([1, 1]);
      finished.push('small forward');
      whilePending.push(bigPending);
      const p = await call(server, 'GET', `${small.m}/parameters/0.bias`, small.token);
      expect(p.shape).toEqual([8]);
      finished.push('small read');
      whilePending.push(bigPending);
    }
    expect(whilePending.every(Boolean), `finished in order: ${finished.join(', ')}`).toBe(true);
    const r = await bigRequest;
    expect(r.version).toBe(2);
    expect(typeof r.loss).toBe('number');
    expect(finished.at(-1)).toBe('big');
    expect(offloads.count).toBe(1); // the big job went to the worker; the small ones ran inline
  });
});

describe('the worker computes exactly what the event loop computes', () => {
  it('forward and backward of the big model agree bit for bit with COMPUTE_WORKERS=1 and =0', { timeout: 180_000 }, async () => {
    const onWorker = await start(1);
    const inline = await start(0);
    const offloads = countOffloads(onWorker);
    const input = batch();
    const results = [];
    for (const server of [onWorker, inline]) {
      const { m, token } = await modelIn(server, 'big', BIG);
      const forward = await call(server, 'POST', `${m}/forward`, token, { input });
      const backward = await call(server, 'POST', `${m}/backward`, token, { input, loss: 'mean' });
      const grads = [];
      for (const p of ['4.bias', '2.bias', '0.bias']) grads.push((await call(server, 'GET', `${m}/parameters/${p}`, token)).grad);
      results.push({ forward, backward, grads });
    }
    expect(offloads.count).toBe(2);
    const [w, i] = results;
    expect(w.forward.shape).toEqual([BATCH, WIDTH]);
    expect(w.forward.output).toEqual(i.forward.output);
    expect(w.forward.repr).toBe(i.forward.repr);
    expect(w.forward.gradFn).toBe('AddmmBackward0');
    expect(w.backward.loss).toBe(i.backward.loss);
    expect(w.grads).toEqual(i.grads);
    // Not trivially equal: the gradients are there and not all zero.
    expect((w.grads[2] as number[]).some((g) => g !== 0)).toBe(true);
  });
});
