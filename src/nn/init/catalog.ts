import type { DType, Generator as RandomGenerator, Tensor } from '../../engine/index.js';
import { checkConstant, constant_, normal_, uniform_ } from './basic.js';
import { checkDefault, fillDefault } from './default-init.js';
import { checkNormalStd, checkUniformBounds } from './engine-checks.js';
import { checkDirac, checkEye, dirac_, eye_ } from './identity.js';
import type { InitTarget, InitializerName, InitializerSpec } from './initializer-spec.js';
import { kaimingNormal_, kaimingStd, kaimingUniform_ } from './kaiming.js';
import { fanMode, finiteNumber, fraction, nonlinearity, positiveInteger, type Keyword } from './keywords.js';
import { fillMixture } from './mixture.js';
import { mixtureComponents } from './mixture-components.js';
import { checkOrthogonal, orthogonal_ } from './orthogonal.js';
import { checkSparse, sparse_ } from './sparse.js';
import { planTruncNormal, truncNormal_ } from './trunc-normal.js';
import { xavierNormal_, xavierNormalStd, xavierUniform_, xavierUniformBound } from './xavier.js';

type Spec<N extends InitializerName> = Extract<InitializerSpec, { name: N }>;

/**
 * One initializer of the registry: its keywords in PyTorch's signature order,
 * and its checks split by what they need, so that a request can be refused
 * before anything is drawn or written.
 */
export interface InitializerDefinition<N extends InitializerName> {
  /** How PyTorch names the callable in its TypeErrors (`uniform_()`). */
  callable: string;
  keywords: readonly Keyword[];
  /** Checks of the arguments alone (PyTorch raises these for any tensor), with PyTorch's words. */
  checkArguments?(spec: Spec<N>, dtype: DType): void;
  /** Checks against the tensor to fill, with PyTorch's words; draws nothing. */
  checkTarget?(spec: Spec<N>, target: InitTarget): void;
  /** Fills `out`, a fresh tensor of the target's shape, once both checks have passed. */
  fill(spec: Spec<N>, out: Tensor, target: InitTarget, generator: RandomGenerator): void;
}

const number = (name: string, fallback?: number): Keyword =>
  fallback === undefined ? { name, parse: finiteNumber } : { name, default: fallback, parse: finiteNumber };

const KAIMING_KEYWORDS: readonly Keyword[] = [
  number('a', 0),
  { name: 'mode', default: 'fan_in', parse: fanMode },
  { name: 'nonlinearity', default: 'leaky_relu', parse: nonlinearity },
];

const kaimingTarget = (spec: Spec<'kaiming_uniform' | 'kaiming_normal'>, target: InitTarget): void => {
  kaimingStd(target.shape, spec);
};

type Catalog = { [N in InitializerName]: InitializerDefinition<N> };

/** Every initializer a request may name, keyed by the API's names. */
export const INITIALIZERS: Catalog = {
  uniform: {
    callable: 'uniform_()',
    keywords: [number('a', 0), number('b', 1)],
    checkArguments: (s, dtype) => checkUniformBounds(s.a, s.b, dtype),
    fill: (s, out, _t, g) => uniform_(out, s.a, s.b, g),
  },
  normal: {
    callable: 'normal_()',
    keywords: [number('mean', 0), number('std', 1)],
    checkArguments: (s, dtype) => checkNormalStd(s.mean, s.std, dtype),
    fill: (s, out, _t, g) => normal_(out, s.mean, s.std, g),
  },
  trunc_normal: {
    callable: 'trunc_normal_()',
    keywords: [number('mean', 0), number('std', 1), number('a', -2), number('b', 2)],
    checkArguments: (s) => void planTruncNormal(s),
    fill: (s, out, _t, g) => truncNormal_(out, s, g),
  },
  constant: {
    callable: 'constant_()',
    keywords: [number('val')],
    checkArguments: (s, dtype) => checkConstant(s.val, dtype),
    fill: (s, out) => constant_(out, s.val),
  },
  ones: { callable: 'ones_()', keywords: [], fill: (_s, out) => constant_(out, 1) },
  zeros: { callable: 'zeros_()', keywords: [], fill: (_s, out) => constant_(out, 0) },
  eye: { callable: 'eye_()', keywords: [], checkTarget: (_s, t) => checkEye(t.shape), fill: (_s, out) => eye_(out) },
  dirac: {
    callable: 'dirac_()',
    keywords: [{ name: 'groups', default: 1, parse: positiveInteger }],
    checkTarget: (s, t) => checkDirac(t.shape, s.groups),
    fill: (s, out) => dirac_(out, s.groups),
  },
  xavier_uniform: {
    callable: 'xavier_uniform_()',
    keywords: [number('gain', 1)],
    checkTarget: (s, t) => void xavierUniformBound(t.shape, s.gain),
    fill: (s, out, _t, g) => xavierUniform_(out, s.gain, g),
  },
  xavier_normal: {
    callable: 'xavier_normal_()',
    keywords: [number('gain', 1)],
    checkTarget: (s, t) => void xavierNormalStd(t.shape, s.gain),
    fill: (s, out, _t, g) => xavierNormal_(out, s.gain, g),
  },
  kaiming_uniform: {
    callable: 'kaiming_uniform_()',
    keywords: KAIMING_KEYWORDS,
    checkTarget: kaimingTarget,
    fill: (s, out, _t, g) => kaimingUniform_(out, s, g),
  },
  kaiming_normal: {
    callable: 'kaiming_normal_()',
    keywords: KAIMING_KEYWORDS,
    checkTarget: kaimingTarget,
    fill: (s, out, _t, g) => kaimingNormal_(out, s, g),
  },
  orthogonal: {
    callable: 'orthogonal_()',
    keywords: [number('gain', 1)],
    checkTarget: (_s, t) => checkOrthogonal(t.shape),
    fill: (s, out, _t, g) => orthogonal_(out, s.gain, g),
  },
  sparse: {
    callable: 'sparse_()',
    keywords: [{ name: 'sparsity', parse: fraction }, number('std', 0.01)],
    checkArguments: (s, dtype) => checkNormalStd(0, s.std, dtype),
    checkTarget: (_s, t) => checkSparse(t.shape),
    fill: (s, out, _t, g) => sparse_(out, s.sparsity, s.std, g),
  },
  default: {
    callable: 'default',
    keywords: [],
    checkTarget: (_s, t) => checkDefault(t),
    fill: (_s, out, t, g) => fillDefault(out, t, g),
  },
  mixture: {
    callable: 'mixture',
    keywords: [{ name: 'components', parse: mixtureComponents }],
    checkArguments: (s, dtype) => s.components.forEach((c) => checkArguments(c.init, dtype)),
    checkTarget: (s, t) => s.components.forEach((c) => checkTarget(c.init, t)),
    fill: (s, out, t, g) => fillMixture(s.components, out, t, g, fillInitializer),
  },
};

export const INITIALIZER_NAMES = Object.keys(INITIALIZERS) as InitializerName[];

export function isInitializerName(name: string): name is InitializerName {
  return Object.hasOwn(INITIALIZERS, name);
}

function definition<N extends InitializerName>(spec: Spec<N>): InitializerDefinition<N> {
  return INITIALIZERS[spec.name as N] as InitializerDefinition<N>;
}

/** The argument checks of `spec` (and of every mixture component), with PyTorch's words. */
export function checkArguments(spec: InitializerSpec, dtype: DType): void {
  definition(spec).checkArguments?.(spec as never, dtype);
}

/** The checks of `spec` against one tensor (arguments first, then shape), with PyTorch's words; draws nothing. */
export function checkTarget(spec: InitializerSpec, target: InitTarget): void {
  checkArguments(spec, target.dtype);
  definition(spec).checkTarget?.(spec as never, target);
}

/** Fills `out` (a fresh tensor shaped like the target) with `spec`'s values; call `checkTarget` first. */
export function fillInitializer(spec: InitializerSpec, out: Tensor, target: InitTarget, generator: RandomGenerator): void {
  definition(spec).fill(spec as never, out, target, generator);
}
