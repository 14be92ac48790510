import { allocate, linear, type Generator as RandomGenerator, type Tensor } from '../../engine/index.js';
import { Module, type ForwardContext } from '../module.js';
import { Parameter } from '../parameter.js';
import { pythonBool, pythonTypeName } from '../python-repr.js';
import { kaimingUniform_, uniform_ } from '../init/initializers.js';
import { calculateFanInAndFanOut } from '../init/fan.js';
import { NnArgumentError } from '../errors.js';

export interface LinearOptions {
  bias?: boolean;
  /** Where the default initialisation draws from; required unless `init` is false. */
  generator?: RandomGenerator;
  /** Skip the default initialisation (the values stay zero), e.g. when a state dict will be loaded next. */
  init?: boolean;
}

/** `nn.Linear(in_features, out_features, bias=True)`: y = x Wᵀ + b. */
export class Linear extends Module {
  readonly inFeatures: number;
  readonly outFeatures: number;

  constructor(inFeatures: number, outFeatures: number, options: LinearOptions = {}) {
    super();
    checkSize([outFeatures, inFeatures]);
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    this.registerParameter('weight', new Parameter(allocate('float32', outFeatures * inFeatures), [outFeatures, inFeatures]));
    this.registerParameter('bias', options.bias === false ? null : new Parameter(allocate('float32', outFeatures), [outFeatures]));
    if (options.init !== false) {
      if (options.generator === undefined) throw new TypeError('Linear needs a generator to initialise its parameters');
      this.resetParameters(options.generator);
    }
  }

  get typeName(): string {
    return 'Linear';
  }

  get weight(): Parameter {
    return this.parameters_.get('weight')!;
  }

  get bias(): Parameter | null {
    return this.parameters_.get('bias') ?? null;
  }

  /** PyTorch's `reset_parameters`: all weight draws (row-major), then all bias draws. */
  resetParameters(generator: RandomGenerator): void {
    this.resetParameter('weight', generator);
    if (this.bias !== null) this.resetParameter('bias', generator);
  }

  /** The default initialisation of one role, for the `default` initializer. */
  resetParameter(role: 'weight' | 'bias', generator: RandomGenerator): void {
    if (role === 'weight') {
      kaimingUniform_(this.weight, { a: Math.sqrt(5) }, generator);
      return;
    }
    const bias = this.bias;
    if (bias === null) return;
    const { fanIn } = calculateFanInAndFanOut(this.weight.shape);
    const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
    uniform_(bias, -bound, bound, generator);
  }

  forward(input: Tensor, _context?: ForwardContext): Tensor {
    return linear(input, this.weight, this.bias);
  }

  override extraRepr(): string {
    return `in_features=${this.inFeatures}, out_features=${this.outFeatures}, bias=${pythonBool(this.bias !== null)}`;
  }

  protected override ownAttributes(): readonly string[] {
    // `weight` and `bias` are attributes too, as registered parameters (even a None bias).
    return ['__constants__', 'in_features', 'out_features', 'reset_parameters'];
  }
}

/** `torch.empty(size)`'s checks on the weight's `(out_features, in_features)`, with its messages. */
function checkSize(size: readonly number[]): void {
  size.forEach((d, i) => {
    if (typeof d !== 'number' || !Number.isInteger(d))
      throw new NnArgumentError(
        `empty(): argument 'size' must be tuple of SymInts, but found element of type ${pythonTypeName(d)} at pos ${i + 1}`,
      );
  });
  const negative = size.find((d) => d < 0);
  if (negative !== undefined)
    throw new NnArgumentError(`Trying to create tensor with negative dimension ${negative}: [${size.join(', ')}]`);
}
