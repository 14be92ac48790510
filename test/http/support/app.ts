import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { pino, type Logger } from 'pino';
import { loadConfig, Metrics, ParamService, openStore, type Clock, type Config, type Store } from '../../../src/core/index.js';
import { buildHttpApp } from '../../../src/transports/http/index.js';

/** A clock the test moves by hand, so expiry is tested without sleeping. */
export class ManualClock implements Clock {
  constructor(private t = Date.UTC(2030, 0, 1)) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface TestApp {
  app: FastifyInstance;
  service: ParamService;
  store: Store;
  config: Config;
  dir: string;
  sqlitePath: string;
  /** Every JSON log line the app wrote (when built with `captureLogs`). */
  logs: Record<string, unknown>[];
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Environment variables as the service reads them (limits, store, TTL...). */
  env?: Record<string, string>;
  clock?: Clock;
  /** Capture pino's JSON lines into `logs`. */
  captureLogs?: boolean;
  /** What /readyz asks to learn whether the process is draining. */
  isDraining?: () => boolean;
}

/**
 * The REST app over the real core on a throwaway SQLite file (or what `env`
 * configures), driven through inject(): no socket, same code path.
 */
export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'paramserve-http-'));
  const sqlitePath = join(dir, 'db.sqlite');
  const config = loadConfig({ SQLITE_PATH: sqlitePath, COMPUTE_WORKERS: '0', ...options.env });
  const store = openStore(config);
  const clock = options.clock ?? { now: () => Date.now() };
  const service = new ParamService(config, store, clock);
  const logs: Record<string, unknown>[] = [];
  let logger: Logger | false = false;
  if (options.captureLogs === true) {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') logs.push(JSON.parse(line));
        done();
      },
    });
    logger = pino({ level: 'info', redact: { paths: ['req.headers.authorization'], censor: '[redacted]' } }, sink);
  }
  const app = await buildHttpApp({ service, metrics: new Metrics(store, clock), logger, isDraining: options.isDraining });
  let closed = false;
  return {
    app,
    service,
    store,
    config,
    dir,
    sqlitePath,
    logs,
    inject: (opts) => app.inject(opts),
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      await service.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface SessionCreds {
  id: string;
  token: string;
  auth: { authorization: string };
}

export async function newSession(t: TestApp): Promise<SessionCreds> {
  const r = await t.inject({ method: 'POST', url: '/v1/sessions' });
  if (r.statusCode !== 201) throw new Error(`POST /v1/sessions gave ${r.statusCode}: ${r.body}`);
  const { id, token } = r.json() as { id: string; token: string };
  return { id, token, auth: { authorization: `Bearer ${token}` } };
}

export const NET = {
  type: 'Sequential',
  layers: [{ type: 'Linear', in_features: 4, out_features: 8 }, { type: 'ReLU' }, { type: 'Linear', in_features: 8, out_features: 1 }],
};

/** `/v1/sessions/{id}/models[/name][rest]`, the name as one percent-encoded segment. */
export function modelUrl(s: SessionCreds, name?: string, rest = ''): string {
  return `/v1/sessions/${s.id}/models${name === undefined ? '' : `/${encodeURIComponent(name)}`}${rest}`;
}

export async function createNet(t: TestApp, s: SessionCreds, name = 'net', architecture: unknown = NET, seed = 0): Promise<Record<string, any>> {
  const r = await t.inject({ method: 'POST', url: modelUrl(s), headers: s.auth, payload: { name, architecture, seed } });
  if (r.statusCode !== 201) throw new Error(`create ${name} gave ${r.statusCode}: ${r.body}`);
  return r.json();
}

/** The whole observable state of a model: version, spec, every state_dict value and grad, mode. */
export async function snapshot(t: TestApp, s: SessionCreds, name: string): Promise<unknown> {
  const model = (await t.inject({ method: 'GET', url: modelUrl(s, name), headers: s.auth })).json();
  const state = (await t.inject({ method: 'GET', url: modelUrl(s, name, '/state_dict'), headers: s.auth })).json();
  const grads: Record<string, unknown> = {};
  for (const p of model.parameters as { name: string }[])
    grads[p.name] = (await t.inject({ method: 'GET', url: modelUrl(s, name, `/parameters/${encodeURIComponent(p.name)}`), headers: s.auth })).json().grad;
  return { model, state, grads };
}

/** Asserts the problem+json shape every failure must have; returns the body. */
export function problem(r: LightMyRequestResponse): Record<string, any> {
  const type = String(r.headers['content-type'] ?? '');
  if (!type.startsWith('application/problem+json')) throw new Error(`expected problem+json, got ${type} (${r.statusCode}): ${r.body.slice(0, 300)}`);
  const body = r.json() as Record<string, any>;
  for (const k of ['type', 'title', 'status', 'detail', 'code'])
    if (body[k] === undefined) throw new Error(`problem lacks ${k}: ${r.body.slice(0, 300)}`);
  if (body.status !== r.statusCode) throw new Error(`problem status ${body.status} but HTTP ${r.statusCode}`);
  if (!/^[A-Z][A-Z0-9_]*$/.test(body.code)) throw new Error(`code is not UPPER_SNAKE: ${body.code}`);
  return body;
}
