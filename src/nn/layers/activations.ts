import { gelu, leakyRelu, logSoftmax, relu, sigmoid, softmax, tanh, type Tensor } from '../../engine/index.js';
import { Module, type ForwardContext } from '../module.js';
import { pythonFloatRepr } from '../python-repr.js';

/** `nn.ReLU()`. */
export class ReLU extends Module {
  get typeName(): string {
    return 'ReLU';
  }
  forward(input: Tensor, _context?: ForwardContext): Tensor {
    return relu(input);
  }
  protected override ownAttributes(): readonly string[] {
    return ['__constants__', 'inplace'];
  }
}

/** `nn.LeakyReLU(negative_slope=0.01)`. */
export class LeakyReLU extends Module {
  constructor(readonly negativeSlope = 0.01) {
    super();
  }
  get typeName(): string {
    return 'LeakyReLU';
  }
  forward(input: Tensor, _context?: ForwardContext): Tensor {
    return leakyRelu(input, this.negativeSlope);
  }
  override extraRepr(): string {
    return `negative_slope=${pythonFloatRepr(this.negativeSlope)}`;
  }
  protected override ownAttributes(): readonly string[] {
    return ['__constants__', 'inplace', 'negative_slope'];
  }
}

/** `nn.Sigmoid()`. */
export class Sigmoid extends Module {
  get typeName(): string {
    return 'Sigmoid';
  }
  forward(input: Tensor, _context?: ForwardContext): Tensor {
    return sigmoid(input);
  }
}

/** `nn.Tanh()`. */
export class Tanh extends Module {
  get typeName(): string {
    return 'Tanh';
  }
  forward(input: Tensor, _context?: ForwardContext): Tensor {
    return tanh(input);
  }
}

/** `nn.GELU(approximate='none')`. */
export class GELU extends Module {
  constructor(readonly approximate: 'none' | 'tanh' = 'none') {
    super();
  }
  get typeName(): string {
    return 'GELU';
  }
  forward(input: Tensor, _context?: ForwardContext): Tensor {
    return gelu(input, this.approximate);
  }
  override extraRepr(): string {
    return `approximate='${this.approximate}'`;
  }
  protected override ownAttributes(): readonly string[] {
    return ['__constants__', 'approximate'];
  }
}

/** `nn.Softmax(dim)`; like PyTorch, `dim=None` picks a legacy dim from the rank. */
export class Softmax extends Module {
  constructor(readonly dim: number | null = null) {
    super();
  }
  get typeName(): string {
    return 'Softmax';
  }
  forward(input: Tensor, _context?: ForwardContext): Tensor {
    return softmax(input, this.dim ?? legacySoftmaxDim(input.ndim));
  }
  override extraRepr(): string {
    return `dim=${this.dim === null ? 'None' : this.dim}`;
  }
  protected override ownAttributes(): readonly string[] {
    return ['__constants__', 'dim'];
  }
}

/** `nn.LogSoftmax(dim)`. */
export class LogSoftmax extends Module {
  constructor(readonly dim: number | null = null) {
    super();
  }
  get typeName(): string {
    return 'LogSoftmax';
  }
  forward(input: Tensor, _context?: ForwardContext): Tensor {
    return logSoftmax(input, this.dim ?? legacySoftmaxDim(input.ndim));
  }
  override extraRepr(): string {
    return `dim=${this.dim === null ? 'None' : this.dim}`;
  }
  protected override ownAttributes(): readonly string[] {
    return ['__constants__', 'dim'];
  }
}

/** PyTorch's `_get_softmax_dim`: 0 for 0-, 1- and 3-D input, else 1. */
function legacySoftmaxDim(ndim: number): number {
  return ndim === 0 || ndim === 1 || ndim === 3 ? 0 : 1;
}

