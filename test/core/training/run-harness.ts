import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { Generator } from '../../../src/engine/index.js';
import { buildModel, validateSpec } from '../../../src/nn/index.js';
import { loadConfig, ParamService, SqliteStore, systemClock, type Caller, type TrainEvent, type TrainRunHandle } from '../../../src/core/index.js';
import { TrainingLoop } from '../../../src/core/training/training-loop.js';
import { parseTrainRequest } from '../../../src/core/training/train-plan.js';
import { golden, num } from './training-fixture.js';

/**
 * Services over one SQLite file (the second one plays another replica: no
 * shared memory, only the store), and the exact state a run of k steps
 * reaches, computed here with the same loop for comparison.
 */
export interface Harness {
  service: ParamService;
  /** Another process's view of the same store. */
  replica: ParamService;
  close(): Promise<void>;
}

export async function harness(env: Record<string, string>): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'paramserve-train-'));
  const path = join(dir, 'db.sqlite');
  const config = loadConfig({ SQLITE_PATH: path, ...env });
  const service = new ParamService(config, new SqliteStore(path, { shared: true }), systemClock);
  const replica = new ParamService({ ...config, computeWorkers: 0 }, new SqliteStore(path, { shared: true }), systemClock);
  return {
    service,
    replica,
    async close() {
      await service.close();
      await replica.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function sessionWithModel(service: ParamService, names: string[] = ['net']): Promise<Caller> {
  const s = await service.createSession();
  const caller = { sessionId: s.id, token: s.token };
  for (const name of names) await service.createModel(caller, { name, architecture: golden.architecture, seed: golden.modelSeed });
  return caller;
}

type State = Map<string, { data: number[]; grad: number[] | null }>;

function loopFor(body: Record<string, unknown>) {
  const root = buildModel(validateSpec(golden.architecture, { maxParameters: 1e6, maxDepth: 8, maxChildren: 64, maxModules: 64 }), new Generator(golden.modelSeed));
  return { root, loop: new TrainingLoop(root, parseTrainRequest(body, loadConfig({}).limits)) };
}

function stateOf(root: ReturnType<typeof loopFor>['root']): State {
  const out: State = new Map();
  for (const [name, p] of root.namedParameters()) out.set(name, { data: [...p.data], grad: p.grad === null ? null : [...p.grad.data] });
  return out;
}

/** Every parameter and gradient after exactly `steps` steps of the run `body` describes. */
export function referenceState(body: Record<string, unknown>, steps: number): State {
  const { root, loop } = loopFor(body);
  for (let i = 0; i < steps; i++) loop.step();
  return stateOf(root);
}

/** The number of steps k whose reference state the stored state equals bit for bit (-1 if none up to `limit`). */
export function stepsMatching(body: Record<string, unknown>, stored: State, limit: number): number {
  const { root, loop } = loopFor(body);
  const same = (a: State) => [...a].every(([name, r]) => JSON.stringify(r) === JSON.stringify(stored.get(name)));
  for (let k = 0; k <= limit; k++) {
    if (same(stateOf(root))) return k;
    if (loop.finished) return -1;
    loop.step();
  }
  return -1;
}

const flat = (v: unknown): number[] => (Array.isArray(v) ? v.flatMap(flat) : [num(v as number)]);

/** The model as the store holds it (read through the replica, so no cache of the training process is involved). */
export async function storedState(h: Harness, caller: Caller, name = 'net'): Promise<{ version: number; state: State }> {
  const model = await h.replica.getModel(caller, name);
  const state: State = new Map();
  for (const p of model.parameters) {
    const view = await h.replica.getParameter(caller, name, p.name);
    state.set(p.name, { data: flat(view.data), grad: view.grad === null ? null : flat(view.grad) });
  }
  return { version: model.version, state };
}

/** Reads the run to its end; returns the events and the error it ended with (null when it completed). */
export async function drain(run: TrainRunHandle): Promise<{ events: TrainEvent[]; error: any }> {
  const events: TrainEvent[] = [];
  try {
    for await (const e of run.events()) events.push(e);
    return { events, error: null };
  } catch (error) {
    return { events, error };
  }
}

/** Polls `check` (bounded: about 10 s) until it holds; the test asserts on state, never on time. */
export async function eventually(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  expect.fail(`never happened: ${what}`);
}
