import type { Generator as RandomGenerator } from '../../engine/index.js';
import type { Module } from '../module.js';
import { Linear } from '../layers/linear.js';
import { GELU, LeakyReLU, LogSoftmax, ReLU, Sigmoid, Softmax, Tanh } from '../layers/activations.js';
import { Dropout, Flatten, Identity } from '../layers/misc.js';
import { InvalidArchitectureError, ArchitectureLimitError } from './errors.js';
import { shown } from './json-path.js';
import type { LeafLayer, SpecLimits } from './types.js';

/** Checks one keyword's JSON value and returns it typed; `field` is its JSON path. */
type Parse = (value: unknown, field: string, limits: SpecLimits) => unknown;

export interface Keyword {
  /** PyTorch's keyword argument name. */
  name: string;
  /** Absent for a required argument. Canonical specs omit a keyword equal to its default. */
  default?: unknown;
  parse: Parse;
}

/**
 * What one leaf layer type is in a spec: its keywords (in PyTorch's signature
 * order, which is the canonical key order), its parameters' shapes (counted
 * and tie-checked before anything is allocated), how to build it and how to
 * read its keywords back from a module.
 */
export interface LeafDefinition<L extends LeafLayer> {
  keywords: readonly Keyword[];
  parameterShapes(layer: L): [string, number[]][];
  build(layer: L, generator: RandomGenerator | null): Module;
  read(module: Module): L | null;
}

type Catalog = { [T in LeafLayer['type']]: LeafDefinition<Extract<LeafLayer, { type: T }>> };

const invalid = (field: string, what: string, value: unknown) =>
  new InvalidArchitectureError(field, `${field} must be ${what}, got ${shown(value)}`);

const features: Parse = (value, field, limits) => {
  // Any integer passes here; a huge one is then refused by the parameter count, naming maxParameters.
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw invalid(field, 'a positive integer', value);
  if (limits.maxFeatures !== undefined && value > limits.maxFeatures)
    throw new ArchitectureLimitError(field, `${field} is ${value}, over the limit maxFeatures=${limits.maxFeatures}`, 'maxFeatures', limits.maxFeatures);
  return value;
};

const boolean: Parse = (value, field) => {
  if (typeof value !== 'boolean') throw invalid(field, 'a boolean', value);
  return value;
};

const finite: Parse = (value, field) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(field, 'a finite number', value);
  return value;
};

const integer: Parse = (value, field) => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw invalid(field, 'an integer', value);
  return value;
};

const integerOrNull: Parse = (value, field) => {
  if (value !== null && (typeof value !== 'number' || !Number.isSafeInteger(value))) throw invalid(field, 'an integer or null', value);
  return value;
};

const approximate: Parse = (value, field) => {
  if (value !== 'none' && value !== 'tanh')
    throw new InvalidArchitectureError(field, `${field}: approximate argument must be either none or tanh. (got ${shown(value)})`);
  return value;
};

const probability: Parse = (value, field) => {
  if (typeof value !== 'number' || Number.isNaN(value)) throw invalid(field, 'a number', value);
  if (value < 0 || value > 1)
    throw new InvalidArchitectureError(field, `${field}: dropout probability has to be between 0 and 1, but got ${value}`);
  return value;
};

/** A layer without keywords or parameters. */
function plain<T extends 'ReLU' | 'Sigmoid' | 'Tanh' | 'Identity'>(
  type: T,
  Class: new () => Module,
): LeafDefinition<Extract<LeafLayer, { type: T }>> {
  return {
    keywords: [],
    parameterShapes: () => [],
    build: () => new Class(),
    read: (m) => (m instanceof Class ? ({ type } as Extract<LeafLayer, { type: T }>) : null),
  };
}

export const LEAF_LAYERS: Catalog = {
  Linear: {
    keywords: [
      { name: 'in_features', parse: features },
      { name: 'out_features', parse: features },
      { name: 'bias', default: true, parse: boolean },
    ],
    parameterShapes: (l) => [
      ['weight', [l.out_features, l.in_features]],
      ...(l.bias ? ([['bias', [l.out_features]]] as [string, number[]][]) : []),
    ],
    build: (l, generator) =>
      new Linear(l.in_features, l.out_features, generator === null ? { bias: l.bias, init: false } : { bias: l.bias, generator }),
    read: (m) =>
      m instanceof Linear ? { type: 'Linear', in_features: m.inFeatures, out_features: m.outFeatures, bias: m.bias !== null } : null,
  },
  ReLU: plain('ReLU', ReLU),
  LeakyReLU: {
    keywords: [{ name: 'negative_slope', default: 0.01, parse: finite }],
    parameterShapes: () => [],
    build: (l) => new LeakyReLU(l.negative_slope),
    read: (m) => (m instanceof LeakyReLU ? { type: 'LeakyReLU', negative_slope: m.negativeSlope } : null),
  },
  Sigmoid: plain('Sigmoid', Sigmoid),
  Tanh: plain('Tanh', Tanh),
  GELU: {
    keywords: [{ name: 'approximate', default: 'none', parse: approximate }],
    parameterShapes: () => [],
    build: (l) => new GELU(l.approximate),
    read: (m) => (m instanceof GELU ? { type: 'GELU', approximate: m.approximate } : null),
  },
  Softmax: {
    keywords: [{ name: 'dim', default: null, parse: integerOrNull }],
    parameterShapes: () => [],
    build: (l) => new Softmax(l.dim),
    read: (m) => (m instanceof Softmax ? { type: 'Softmax', dim: m.dim } : null),
  },
  LogSoftmax: {
    keywords: [{ name: 'dim', default: null, parse: integerOrNull }],
    parameterShapes: () => [],
    build: (l) => new LogSoftmax(l.dim),
    read: (m) => (m instanceof LogSoftmax ? { type: 'LogSoftmax', dim: m.dim } : null),
  },
  Dropout: {
    keywords: [{ name: 'p', default: 0.5, parse: probability }],
    parameterShapes: () => [],
    build: (l) => new Dropout(l.p),
    read: (m) => (m instanceof Dropout ? { type: 'Dropout', p: m.p } : null),
  },
  Flatten: {
    keywords: [
      { name: 'start_dim', default: 1, parse: integer },
      { name: 'end_dim', default: -1, parse: integer },
    ],
    parameterShapes: () => [],
    build: (l) => new Flatten(l.start_dim, l.end_dim),
    read: (m) => (m instanceof Flatten ? { type: 'Flatten', start_dim: m.startDim, end_dim: m.endDim } : null),
  },
  Identity: plain('Identity', Identity),
};

/** The untyped view the generic validator and writer use. */
export function leafDefinition(type: LeafLayer['type']): LeafDefinition<LeafLayer> {
  return LEAF_LAYERS[type] as unknown as LeafDefinition<LeafLayer>;
}
