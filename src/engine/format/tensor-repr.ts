import { ShapeError } from '../errors.js';
import { formatElements } from './formatter.js';
import { layout, shownValues, THRESHOLD } from './layout.js';
import { addSuffixes } from './suffixes.js';

export type ReprDType = 'float32' | 'float64';

/** What a repr needs of a tensor; `Tensor` fits, and so does a bare `{ data, shape }`. */
export interface ReprTensor {
  readonly data: Float32Array | Float64Array;
  readonly shape: readonly number[];
  readonly requiresGrad?: boolean;
  readonly gradFn?: { readonly name: string } | null;
  readonly dtype?: ReprDType;
}

/** Overrides for the tensor's own autograd state and dtype. */
export interface ReprOptions {
  /** The grad_fn class name, e.g. `AddmmBackward0`; null for none. */
  gradFn?: string | null;
  requiresGrad?: boolean;
  dtype?: ReprDType;
}

const PREFIX = 'tensor(';

/** `repr(t)` as PyTorch 1.13 prints it with default print options. */
export function formatTensor(t: ReprTensor, opts: ReprOptions = {}): string {
  const { data, shape } = t;
  let numel = 1;
  for (let i = 0; i < shape.length; i++) numel *= shape[i];
  if (numel !== data.length)
    throw new ShapeError(`shape [${shape.join(', ')}] is invalid for input of size ${data.length}`);

  const suffixes: string[] = [];
  let body: string;
  if (numel === 0) {
    // Mirrors NumPy: the shape is only implicit for 1-d empties.
    if (shape.length !== 1) suffixes.push(`size=${pythonTuple(shape)}`);
    body = '[]';
  } else {
    const summarize = numel > THRESHOLD;
    const { strings, width } = formatElements(summarize ? shownValues(data, shape) : data);
    body = layout(strings, shape, width, summarize, PREFIX.length);
  }

  const dtype = opts.dtype ?? t.dtype ?? (data instanceof Float64Array ? 'float64' : 'float32');
  if (dtype === 'float64') suffixes.push('dtype=torch.float64');
  const gradFn = opts.gradFn !== undefined ? opts.gradFn : (t.gradFn?.name ?? null);
  if (gradFn) suffixes.push(`grad_fn=<${gradFn}>`);
  else if (opts.requiresGrad ?? t.requiresGrad) suffixes.push('requires_grad=True');
  return addSuffixes(PREFIX + body, suffixes, PREFIX.length);
}

/**
 * `repr(nn.Parameter)`: torch prints the header, then the plain tensor repr. A parameter
 * is a leaf, so it shows `requires_grad=True` unless frozen (then no suffix at all).
 */
export function formatParameter(t: ReprTensor, opts: ReprOptions = {}): string {
  const requiresGrad = opts.requiresGrad ?? t.requiresGrad ?? true;
  return 'Parameter containing:\n' + formatTensor(t, { ...opts, requiresGrad });
}

function pythonTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}
