import { formatTensor, Generator, noGrad, Tensor } from '../../engine/index.js';
import { computeLoss, type ForwardContext, type Module } from '../../nn/index.js';
import { InvalidRequestError } from '../errors.js';
import { AppError } from '../../errors/index.js';

/**
 * The compute a request asks for, as plain functions of a module and tensors,
 * so the event loop and the worker threads run exactly the same code and give
 * exactly the same numbers.
 */

export interface ForwardOutput {
  output: Tensor;
  gradFn: string | null;
  repr: string;
}

/** The generator Dropout draws from: seeded when the client gave a seed, else fresh entropy. */
export function generatorFor(seed: number | undefined): Generator {
  if (seed !== undefined) return new Generator(seed);
  const words = crypto.getRandomValues(new Uint32Array(2));
  return new Generator((BigInt(words[0]) << 32n) | BigInt(words[1]));
}

/**
 * A forward context whose generator is made only if a module asks for one
 * (only Dropout in train mode does): seeding a Mersenne Twister from fresh
 * entropy costs more than a small model's whole forward.
 */
export function lazyContext(seed: number | undefined): ForwardContext {
  return new LazyGeneratorContext(seed);
}

/** A class, not an object literal with a getter: V8 builds literal accessors slowly, on every request. */
class LazyGeneratorContext implements ForwardContext {
  private made: Generator | undefined;
  constructor(private readonly seed: number | undefined) {}
  get generator(): Generator {
    this.made ??= generatorFor(this.seed);
    return this.made;
  }
}

function onInput<T>(fn: () => T, field = 'input'): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AppError && e.details.field === undefined) e.details.field = field;
    throw e;
  }
}

/** `net(x)`: the output, its grad_fn name and its repr; the graph is dropped, nothing changes. */
export function forwardJob(root: Module, input: Tensor, seed: number | undefined): ForwardOutput {
  const output = onInput(() => root.forward(input, lazyContext(seed)));
  return { output: output.detach(), gradFn: output.gradFn?.name ?? null, repr: formatTensor(output) };
}

export type LossRequest = { kind: 'loss'; name: string; target: Tensor | null } | { kind: 'gradOutput'; gradOutput: Tensor };

export interface BackwardOutput {
  /** The loss value (float32), or null when a gradOutput was given. */
  loss: number | null;
  /** This backward's gradient for each parameter that received one, by canonical name. */
  grads: [string, Float32Array][];
}

/**
 * One forward + backward. The gradients are computed into fresh buffers and
 * returned, not accumulated: the caller adds them to `.grad` only once the
 * whole request has succeeded, so a failure half-way leaves the model as it was.
 */
export function backwardJob(root: Module, input: Tensor, request: LossRequest, seed: number | undefined): BackwardOutput {
  const params = [...root.namedParameters()];
  const saved = params.map(([, p]) => p.grad);
  for (const [, p] of params) p.grad = null;
  try {
    const output = onInput(() => root.forward(input, lazyContext(seed)));
    if (!output.requiresGrad)
      throw new InvalidRequestError('input', 'no parameter on the path to the output requires a gradient (all frozen?)', 'NOTHING_REQUIRES_GRAD');
    let loss: number | null = null;
    if (request.kind === 'loss') {
      const value = computeLoss(request.name, output, request.target, { loss: 'loss', target: 'target' });
      loss = value.item();
      value.backward();
    } else {
      onInput(() => output.backward(request.gradOutput), 'gradOutput');
    }
    const grads: [string, Float32Array][] = [];
    for (const [name, p] of params) if (p.grad !== null) grads.push([name, p.grad.data as Float32Array]);
    return { loss, grads };
  } finally {
    params.forEach(([, p], i) => (p.grad = saved[i]));
  }
}

/** Adds a backward's gradients into `.grad` (PyTorch's accumulation), creating it where it was null. */
export function accumulateGrads(root: Module, grads: readonly [string, Float32Array][]): void {
  const byName = new Map(root.namedParameters());
  noGrad(() => {
    for (const [name, g] of grads) {
      const p = byName.get(name);
      if (p === undefined) continue;
      if (p.grad === null) p.grad = new Tensor(Float32Array.from(g), p.shape);
      else {
        const acc = p.grad.data;
        for (let i = 0; i < acc.length; i++) acc[i] += g[i];
      }
    }
  });
}

/** Floating-point operations of a forward pass over `rows` input rows: what decides inline vs worker. */
export function forwardFlops(parameterCount: number, rows: number): number {
  return 2 * parameterCount * Math.max(rows, 1);
}
