import { Tensor, type Generator } from '../../../src/engine/index.js';
import {
  Dropout, Flatten, GELU, Identity, LeakyReLU, Linear, LogSoftmax, Module, Parameter, ReLU, Sequential, Sigmoid,
  Softmax, Tanh,
} from '../../../src/nn/index.js';
import { float32Of, type JsonTensor } from './fixture.js';

/**
 * The net description scripts/golden/nn.py builds in torch, shaped like the
 * service's architecture spec: `{type, name?, layers?, ...kwargs}`, `{ref}`
 * for a shared module, `{none: true}` for a None child, `Custom` for a plain
 * Module subclass with its own parameters and buffers.
 */
export interface Recipe {
  type?: string;
  name?: string;
  layers?: Recipe[];
  none?: boolean;
  ref?: string;
  class?: string;
  params?: [string, JsonTensor | null][];
  buffers?: [string, JsonTensor | null][];
  shared?: Record<string, Recipe>;
  paramTies?: [string, string][];
  [keyword: string]: unknown;
}

/** A plain `nn.Module` subclass whose class name is given (PyTorch prints it), forwarding its input. */
export class CustomModule extends Module {
  constructor(private readonly className: string) {
    super();
  }
  get typeName(): string {
    return this.className;
  }
  forward(input: Tensor): Tensor {
    return input;
  }
}

export function tensorOf(t: JsonTensor): Tensor {
  return new Tensor(float32Of(t), t.shape);
}

/**
 * Builds the recipe: shared modules first, then the tree depth-first, as the
 * service builds a spec; with a generator Linear layers draw their default
 * init (matching torch.manual_seed), without one they stay zero.
 */
export function build(recipe: Recipe, generator?: Generator): Module {
  const shared = new Map<string, Module | null>();
  for (const [name, r] of Object.entries(recipe.shared ?? {})) shared.set(name, node(r, shared, generator));
  const root = node(recipe, shared, generator);
  if (root === null) throw new Error('a recipe root cannot be None');
  for (const [alias, target] of recipe.paramTies ?? []) {
    const dot = alias.lastIndexOf('.');
    root.getSubmodule(dot === -1 ? '' : alias.slice(0, dot)).registerParameter(alias.slice(dot + 1), root.getParameter(target));
  }
  return root;
}

function node(r: Recipe, shared: Map<string, Module | null>, generator: Generator | undefined): Module | null {
  if (r.none === true) return null;
  if (r.ref !== undefined) return shared.get(r.ref)!;
  const kw = <T>(name: string, fallback: T): T => (r[name] === undefined ? fallback : (r[name] as T));
  switch (r.type) {
    case 'Sequential':
    case 'Custom': {
      const m = r.type === 'Sequential' ? new Sequential() : new CustomModule(r.class!);
      for (const [name, v] of r.params ?? []) m.registerParameter(name, v === null ? null : new Parameter(float32Of(v), v.shape));
      for (const [name, v] of r.buffers ?? []) m.registerBuffer(name, v === null ? null : tensorOf(v));
      (r.layers ?? []).forEach((child, i) => m.addModule(child.name ?? String(i), node(child, shared, generator)));
      return m;
    }
    case 'Linear': {
      const bias = kw('bias', true);
      const options = generator === undefined ? { bias, init: false } : { bias, generator };
      return new Linear(r.in_features as number, r.out_features as number, options);
    }
    case 'ReLU':
      return new ReLU();
    case 'LeakyReLU':
      return new LeakyReLU(kw('negative_slope', 0.01));
    case 'Sigmoid':
      return new Sigmoid();
    case 'Tanh':
      return new Tanh();
    case 'GELU':
      return new GELU(kw<'none' | 'tanh'>('approximate', 'none'));
    case 'Softmax':
      return new Softmax(kw<number | null>('dim', null));
    case 'LogSoftmax':
      return new LogSoftmax(kw<number | null>('dim', null));
    case 'Dropout':
      return new Dropout(kw('p', 0.5));
    case 'Flatten':
      return new Flatten(kw('start_dim', 1), kw('end_dim', -1));
    case 'Identity':
      return new Identity();
    default:
      throw new Error(`recipe type ${String(r.type)} is not known to the test builder`);
  }
}

/** Overwrites every state_dict entry with the fixture's values (ties share storage, so the last one wins). */
export function setState(module: Module, state: Record<string, JsonTensor>): void {
  const live = module.stateDict({ keepVars: true });
  for (const [key, value] of Object.entries(state)) {
    const target = live.get(key);
    if (target === undefined) throw new Error(`no state_dict key ${key}`);
    target.data.set(float32Of(value));
  }
}

/** Deep nesting without recursion in the test itself: Sequential(Sequential(...(Linear(2, 2)))). */
export function deepChain(depth: number): { root: Module; leaf: Linear } {
  const leaf = new Linear(2, 2, { init: false });
  let m: Module = leaf;
  for (let i = 0; i < depth; i++) m = new Sequential([m]);
  return { root: m, leaf };
}
