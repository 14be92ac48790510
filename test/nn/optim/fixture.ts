import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Tensor } from '../../../src/engine/index.js';
import { Linear, ReLU, Sequential, Tanh, type Module } from '../../../src/nn/index.js';

type JsonFloat = number | 'NaN' | 'Infinity' | '-Infinity';

export interface TensorJson {
  shape: number[];
  data: JsonFloat[];
}

export type LayerJson = { type: 'Linear'; in: number; out: number; shared?: boolean; frozen?: boolean } | { type: 'ReLU' | 'Tanh' };

export type OptimizerName = 'SGD' | 'Adam' | 'AdamW';

export interface RunCase {
  model: string;
  loss: 'mse' | 'l1' | 'bce_with_logits' | 'cross_entropy';
  optimizer: OptimizerName;
  kwargs: Record<string, unknown>;
  losses: number[];
  final: Record<string, TensorJson>;
}

export interface UpdateCase {
  optimizer: OptimizerName;
  kwargs: Record<string, unknown>;
  after: { p: TensorJson; q: TensorJson }[];
}

export interface LossCase {
  loss: string;
  input: TensorJson;
  target: TensorJson;
  value: number;
  gradFn: string;
  grad: TensorJson;
}

interface TrainFixture {
  torch: string;
  cases: {
    steps: number;
    batch: number;
    models: Record<string, { layers: LayerJson[]; initial: Record<string, TensorJson> }>;
    data: { x: TensorJson; targets: Record<string, Record<RunCase['loss'], TensorJson>> };
    runs: RunCase[];
    updates: { p0: TensorJson; q0: TensorJson; grads: { p: TensorJson; q: TensorJson | null }[]; cases: UpdateCase[] };
    losses: LossCase[];
  };
}

const path = fileURLToPath(new URL('../../golden/fixtures/train.json', import.meta.url));
export const fixture = (JSON.parse(readFileSync(path, 'utf8')) as TrainFixture).cases;

function toNumber(v: JsonFloat): number {
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return v;
}

/** A float32 tensor with the fixture's exact bits. */
export function toTensor(t: TensorJson): Tensor {
  return new Tensor(Float32Array.from(t.data, (v) => Math.fround(toNumber(v))), t.shape);
}

/** The fixture's net: shared layers are one module object, frozen ones require no grad, weights are torch's. */
export function buildModel(name: string): Module {
  const spec = fixture.models[name];
  let shared: Linear | null = null;
  const layers: Module[] = spec.layers.map((l) => {
    if (l.type !== 'Linear') return l.type === 'ReLU' ? new ReLU() : new Tanh();
    if (l.shared) return (shared ??= new Linear(l.in, l.out, { init: false }));
    const lin = new Linear(l.in, l.out, { init: false });
    if (l.frozen) lin.requiresGrad_(false);
    return lin;
  });
  const net = new Sequential(layers);
  net.loadStateDict(new Map(Object.entries(spec.initial).map(([k, v]) => [k, toTensor(v)])));
  return net;
}

/** The last Linear's out_features: which target set of the fixture the model trains on. */
export function outputWidth(name: string): number {
  const linears = fixture.models[name].layers.filter((l) => l.type === 'Linear');
  return (linears[linears.length - 1] as { out: number }).out;
}

/** Rows [4k, 4k+4) of a [rows, ...] tensor, k = step mod 3, as the Python loop slices them. */
export function batchOf(t: TensorJson, step: number): Tensor {
  const full = toTensor(t);
  const rows = full.shape[0];
  const width = full.numel / rows;
  const k = step % (rows / fixture.batch);
  const data = full.data.slice(k * fixture.batch * width, (k + 1) * fixture.batch * width);
  return new Tensor(data, [fixture.batch, ...full.shape.slice(1)]);
}

/**
 * Float32 closeness: |a - b| <= atol + rtol·|b|; returns the worst excess
 * ratio and the worst absolute and relative deviations, for reporting.
 */
export function deviation(actual: ArrayLike<number>, expected: ArrayLike<number>): { abs: number; rel: number } {
  let abs = 0;
  let rel = 0;
  for (let i = 0; i < expected.length; i++) {
    const d = Math.abs(actual[i] - expected[i]);
    abs = Math.max(abs, d);
    if (d > 0) rel = Math.max(rel, d / Math.max(Math.abs(expected[i]), 1e-30));
  }
  return { abs, rel };
}

export function close(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol = 1e-5, atol = 1e-6): boolean {
  if (actual.length !== expected.length) return false;
  for (let i = 0; i < expected.length; i++) {
    const d = Math.abs(actual[i] - expected[i]);
    if (!(d <= atol + rtol * Math.abs(expected[i]))) return false;
  }
  return true;
}
