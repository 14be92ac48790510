import { buildModel, validateSpec, type Module } from '../../../src/nn/index.js';
import { LIMITS } from './fixture.js';

/** mulberry32: a small seeded PRNG, so every generated spec is reproducible from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = Record<string, unknown>;

const SHARED_NAMES = ['enc', 'blk x', 'é', 'shared', 'a.b'];
const CHILD_NAMES = ['a', 'block 0', 'é x', 'out'];

/**
 * A random valid spec: nested Sequentials, every leaf type with its keywords
 * sometimes given (defaults included), explicit names (some equal to their
 * position), shared modules referring to earlier ones, and parameter ties.
 */
export function randomSpec(seed: number): Json {
  const rng = prng(seed);
  const int = (n: number) => Math.floor(rng() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const maybe = (p: number) => rng() < p;

  const leaf = (): Json => {
    const type = pick(['Linear', 'Linear', 'ReLU', 'LeakyReLU', 'Sigmoid', 'Tanh', 'GELU', 'Softmax', 'LogSoftmax', 'Dropout', 'Flatten', 'Identity']);
    const out: Json = { type };
    const kw = (name: string, values: readonly unknown[]) => {
      if (maybe(0.5)) out[name] = pick(values);
    };
    if (type === 'Linear') {
      out.in_features = pick([2, 3]);
      out.out_features = pick([2, 3]);
      kw('bias', [true, false]);
    }
    if (type === 'LeakyReLU') kw('negative_slope', [0.01, 0.2, -0.5]);
    if (type === 'GELU') kw('approximate', ['none', 'tanh']);
    if (type === 'Softmax' || type === 'LogSoftmax') kw('dim', [null, 1, -1]);
    if (type === 'Dropout') kw('p', [0.5, 0.1, 0]);
    if (type === 'Flatten') {
      kw('start_dim', [1, 0]);
      kw('end_dim', [-1, 2]);
    }
    return out;
  };

  const layer = (depth: number, shared: readonly string[]): Json =>
    depth < 3 && maybe(0.3) ? { type: 'Sequential', layers: children(depth, shared, int(4)) } : leaf();

  const children = (depth: number, shared: readonly string[], n: number): Json[] => {
    const used = new Set<string>();
    const out: Json[] = [];
    for (let i = 0; i < n; i++) {
      const node: Json = shared.length > 0 && maybe(0.3) ? { ref: pick(shared) } : layer(depth + 1, shared);
      if (maybe(0.3)) {
        const name = maybe(0.3) ? String(i) : pick(CHILD_NAMES);
        if (!used.has(name)) {
          used.add(name);
          out.push({ name, ...node });
          continue;
        }
      }
      out.push(node);
    }
    return out;
  };

  const sharedNames = SHARED_NAMES.filter(() => maybe(0.3));
  const shared: Json = {};
  sharedNames.forEach((name, i) => (shared[name] = layer(0, sharedNames.slice(0, i))));
  const spec: Json = { type: 'Sequential', layers: children(0, sharedNames, 1 + int(6)) };
  const referenced = new Set<string>();
  const walk = (node: unknown): void => {
    const n = node as Json;
    if (typeof n.ref === 'string') referenced.add(n.ref);
    if (Array.isArray(n.layers)) n.layers.forEach(walk);
  };
  walk(spec);
  Object.values(shared).forEach(walk);
  for (const name of sharedNames) if (!referenced.has(name)) (spec.layers as Json[]).push({ ref: name });
  if (sharedNames.length > 0) spec.shared = shared;

  addTies(spec, rng);
  return spec;
}

/** Up to three ties between parameters of equal shape, each kept only if the spec stays valid. */
function addTies(spec: Json, rng: () => number): void {
  const keys = keysByShape(buildModel(validateSpec(spec, LIMITS), null)).filter((group) => group.length > 1);
  const ties: Json[] = [];
  for (let attempt = 0; attempt < 10 && ties.length < 3 && keys.length > 0; attempt++) {
    const group = keys[Math.floor(rng() * keys.length)];
    const parameter = group[Math.floor(rng() * group.length)];
    const to = group[Math.floor(rng() * group.length)];
    const candidate = { ...spec, ties: [...ties, { parameter, to }] };
    try {
      validateSpec(candidate, LIMITS);
      ties.push({ parameter, to });
    } catch {
      // a no-op or a second tie of the same slot: try another pair
    }
  }
  if (ties.length > 0) spec.ties = ties;
}

function keysByShape(model: Module): string[][] {
  const groups = new Map<string, string[]>();
  for (const [key, t] of model.stateDict()) {
    const shape = t.shape.join('x');
    groups.set(shape, [...(groups.get(shape) ?? []), key]);
  }
  return [...groups.values()];
}
