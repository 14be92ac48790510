import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { startServiceProcess, stopServiceProcess, tempDataDir, type DataDir, type ServiceProcess } from './support/process.js';

/**
 * Operations of the real process (issue 3, item 8): pino JSON logs with a
 * request id (echoed as X-Request-Id) and never an Authorization header; a
 * graceful SIGTERM: the request in flight completes 2xx, new connections are
 * refused, the process exits 0 and the store is closed (the SQLite WAL is
 * checkpointed away).
 */
const BIG = {
  type: 'Sequential',
  layers: [
    { type: 'Linear', in_features: 1024, out_features: 1024 },
    { type: 'ReLU' },
    { type: 'Linear', in_features: 1024, out_features: 1024 },
    { type: 'ReLU' },
    { type: 'Linear', in_features: 1024, out_features: 1024 },
  ],
};

let data: DataDir | null = null;
let service: ServiceProcess | null = null;
afterEach(async () => {
  if (service !== null) await stopServiceProcess(service, 'SIGKILL');
  service = null;
  data?.remove();
  data = null;
});

async function call(method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(service!.url + path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await r.text();
  return { status: r.status, requestId: r.headers.get('x-request-id'), body: text === '' ? undefined : JSON.parse(text) };
}

/** Whether a fresh TCP connection to the port is refused (resolves true) or accepted (false). */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED'));
  });
}

describe('logs', () => {
  it('are JSON lines with a request id per request, echoed as X-Request-Id, and no Authorization', { timeout: 120_000 }, async () => {
    data = tempDataDir();
    service = await startServiceProcess(data);
    const session = await call('POST', '/v1/sessions');
    const { id, token } = session.body;
    const traced = await call('POST', `/v1/sessions/${id}/models`, { token, body: { name: 'net', architecture: { type: 'Linear', in_features: 2, out_features: 1 } }, headers: { 'x-request-id': 'trace-42.a_b' } });
    expect(traced.status).toBe(201);
    expect(traced.requestId).toBe('trace-42.a_b');
    const plain = await call('GET', `/v1/sessions/${id}/models/net`, { token });
    expect(plain.requestId).toMatch(/^[0-9a-f-]{36}$/);
    // An id a client makes up badly is replaced, not logged as given.
    const bad = await call('GET', `/v1/sessions/${id}`, { token, headers: { 'x-request-id': 'two words\u00e9' } });
    expect(bad.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const wrong = await call('GET', `/v1/sessions/${id}`, { headers: { authorization: `Bearer ${token}x` } });
    expect(wrong.status).toBe(404);
    const failed = await call('GET', `/v1/sessions/${id}/models/nope`, { token });
    expect(failed.status).toBe(404);

    await service.waitForLog((l) => l.reqId === failed.requestId && l.msg === 'request completed');
    const exit = await stopServiceProcess(service, 'SIGTERM');
    expect(exit.code).toBe(0);

    const out = service.output();
    for (const line of out.split('\n').filter((l) => l.trim() !== '')) expect(() => JSON.parse(line), line).not.toThrow();
    // The token, in any form, and the header's scheme appear nowhere, though requests carried them.
    expect(out).not.toContain(token);
    expect(out).not.toContain(`${token}x`);
    expect(out).not.toMatch(/bearer /i);
    const logged = service.logs.filter((l) => l.req?.headers !== undefined);
    expect(logged.length).toBeGreaterThan(0);
    for (const l of logged) if (Object.hasOwn(l.req.headers, 'authorization')) expect(l.req.headers.authorization).toBe('[redacted]');
    expect(logged.some((l) => l.req.headers.authorization === '[redacted]')).toBe(true);
    // Every request's lines carry its id: the incoming line and the completed line share it.
    for (const requestId of [traced.requestId, plain.requestId, bad.requestId, wrong.requestId, failed.requestId]) {
      const lines = service.logs.filter((l) => l.reqId === requestId);
      expect(lines.map((l) => l.msg), String(requestId)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
      expect(lines.find((l) => l.msg === 'request completed')?.res?.statusCode).toBeGreaterThanOrEqual(200);
    }
  });
});

describe('SIGTERM', () => {
  it('lets the request in flight complete with 2xx, refuses new connections, closes the store and exits 0', { timeout: 180_000 }, async () => {
    data = tempDataDir();
    // A grace shorter than the keep-alive fastify advertises (72 s): an idle client socket left open would run it out (exit 1).
    service = await startServiceProcess(data, { SHUTDOWN_GRACE_MS: '60000' });
    const session = await call('POST', '/v1/sessions');
    const { id, token } = session.body;
    const m = `/v1/sessions/${id}/models/big`;
    expect((await call('POST', `/v1/sessions/${id}/models`, { token, body: { name: 'big', architecture: BIG, seed: 1 } })).status).toBe(201);
    const input = { shape: [128, 1024], base64: Buffer.from(new Float32Array(128 * 1024).fill(0.25).buffer).toString('base64') };

    // A slow write (seconds of compute on the worker), in flight when the signal arrives.
    let inFlightDone = false;
    const inFlight = call('POST', `${m}/backward`, { token, body: { input, loss: 'mean' }, headers: { 'x-request-id': 'in-flight' } }).then((r) => {
      inFlightDone = true;
      return r;
    });
    await service.waitForLog((l) => l.reqId === 'in-flight' && l.msg === 'incoming request');
    service.kill('SIGTERM');
    await service.waitForLog((l) => l.msg === 'draining');

    // The listener closes at once: new connections are refused while the old request is still being served.
    let refusedWhileInFlight = false;
    for (let attempt = 0; attempt < 200 && !inFlightDone; attempt++) {
      if (await refused(service.port)) {
        refusedWhileInFlight = !inFlightDone;
        break;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(refusedWhileInFlight).toBe(true);

    const r = await inFlight;
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(2);
    const exit = await service.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(service.logs.some((l) => l.msg === 'stopped')).toBe(true);
    expect(await refused(service.port)).toBe(true);
    // The store was closed: SQLite checkpointed the WAL into the database and removed it.
    const wal = `${data.sqlitePath}-wal`;
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);

    // And the write that was in flight is durable.
    service = await startServiceProcess(data);
    const model = await call('GET', m, { token });
    expect(model.body.version).toBe(2);
    expect((await call('GET', `${m}/parameters/4.bias`, { token })).body.grad).not.toBeNull();
  });
});
