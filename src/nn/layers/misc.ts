import { allocate, dropoutNoise_, flatten, mul, noGrad, Tensor } from '../../engine/index.js';
import { Module, type ForwardContext } from '../module.js';
import { NnArgumentError } from '../errors.js';
import { pythonBool, pythonFloatRepr } from '../python-repr.js';

/**
 * `nn.Dropout(p=0.5)`: in training, `x * noise` where the noise is
 * `bernoulli_(1 - p) / (1 - p)` drawn from the context's generator, exactly
 * as ATen's CPU dropout draws it (so the mask equals torch's for the same
 * seed); in eval, with p = 0 or on an empty input, the input itself.
 */
export class Dropout extends Module {
  constructor(readonly p = 0.5) {
    super();
    // NaN is refused too, which PyTorch's `p < 0 or p > 1` lets through.
    if (!(p >= 0 && p <= 1))
      throw new NnArgumentError(`dropout probability has to be between 0 and 1, but got ${pythonFloatRepr(p)}`);
  }
  get typeName(): string {
    return 'Dropout';
  }
  forward(input: Tensor, context?: ForwardContext): Tensor {
    if (!this.training || this.p === 0 || input.numel === 0) return input;
    const generator = context?.generator;
    if (generator === undefined) throw new NnArgumentError('Dropout in training mode needs a generator', 'GENERATOR_REQUIRED');
    const noise = noGrad(() => new Tensor(dropoutNoise_(allocate(input.dtype, input.numel), this.p, generator), input.shape));
    return mul(input, noise);
  }
  override extraRepr(): string {
    return `p=${pythonFloatRepr(this.p)}, inplace=${pythonBool(false)}`;
  }
  protected override ownAttributes(): readonly string[] {
    return ['__constants__', 'inplace', 'p'];
  }
}

/** `nn.Flatten(start_dim=1, end_dim=-1)`. */
export class Flatten extends Module {
  constructor(readonly startDim = 1, readonly endDim = -1) {
    super();
  }
  get typeName(): string {
    return 'Flatten';
  }
  forward(input: Tensor, _context?: ForwardContext): Tensor {
    return flatten(input, this.startDim, this.endDim);
  }
  override extraRepr(): string {
    return `start_dim=${this.startDim}, end_dim=${this.endDim}`;
  }
  protected override ownAttributes(): readonly string[] {
    return ['__constants__', 'end_dim', 'start_dim'];
  }
}

/** `nn.Identity()`. */
export class Identity extends Module {
  get typeName(): string {
    return 'Identity';
  }
  forward(input: Tensor, _context?: ForwardContext): Tensor {
    return input;
  }
}
