import type { Tensor } from '../../engine/index.js';
import { f32, formatHyper, invalidHyper, Optimizer } from './optimizer.js';
import { fma32 } from '../../engine/index.js';

export interface SgdOptions {
  lr?: number;
  momentum?: number;
  dampening?: number;
  weight_decay?: number;
  nesterov?: boolean;
  maximize?: boolean;
}

/**
 * `torch.optim.SGD` (1.13, `_single_tensor_sgd`): per element, in PyTorch's
 * order and float32 roundings,
 *   d = ±grad;  d = d + wd·p;  buf = d (first step) or mom·buf + (1-damp)·d;
 *   d = d + mom·buf (nesterov) or buf;  p = p - lr·d
 * where each `x + α·y` is the single-rounding fused multiply-add the AVX2
 * `add_` kernel computes.
 */
export class SGD extends Optimizer {
  readonly lr: number;
  readonly momentum: number;
  readonly dampening: number;
  readonly weightDecay: number;
  readonly nesterov: boolean;
  readonly maximize: boolean;
  /** Per parameter (same order as `params`); null until its first step with momentum. */
  private readonly momentumBuffers: (Float32Array | null)[];

  constructor(params: Iterable<Tensor>, options: SgdOptions) {
    const { lr, momentum = 0, dampening = 0, weight_decay = 0, nesterov = false, maximize = false } = options;
    if (lr !== undefined && lr < 0) throw invalidHyper('lr', `Invalid learning rate: ${formatHyper(lr)}`);
    if (momentum < 0) throw invalidHyper('momentum', `Invalid momentum value: ${formatHyper(momentum)}`);
    if (weight_decay < 0) throw invalidHyper('weight_decay', `Invalid weight_decay value: ${formatHyper(weight_decay)}`);
    if (nesterov && (momentum <= 0 || dampening !== 0))
      throw invalidHyper('nesterov', 'Nesterov momentum requires a momentum and zero dampening');
    super(params);
    if (lr === undefined) throw invalidHyper('lr', "parameter group didn't specify a value of required optimization parameter lr");
    this.lr = lr;
    this.momentum = momentum;
    this.dampening = dampening;
    this.weightDecay = weight_decay;
    this.nesterov = nesterov;
    this.maximize = maximize;
    this.momentumBuffers = this.params.map(() => null);
  }

  get typeName(): string {
    return 'SGD';
  }

  step(): void {
    const useDecay = this.weightDecay !== 0;
    const useMomentum = this.momentum !== 0;
    const { nesterov, maximize } = this;
    // The Python scalars as the kernels read them (alpha is cast to float32).
    const decay = f32(this.weightDecay);
    const mom = f32(this.momentum);
    const keep = f32(1 - this.dampening);
    const negLr = f32(-this.lr);
    const params = this.params;
    for (let k = 0; k < params.length; k++) {
      const param = params[k];
      const grad = param.grad;
      if (grad === null || !param.requiresGrad) continue;
      const x = param.data;
      const g = grad.data;
      const n = x.length;
      let buf = this.momentumBuffers[k];
      const first = useMomentum && buf === null;
      if (first) buf = this.momentumBuffers[k] = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        let d = maximize ? -g[i] : g[i];
        if (useDecay) d = fma32(x[i], decay, d);
        if (useMomentum) {
          const b = first ? d : fma32(d, keep, f32(buf![i] * mom));
          buf![i] = b;
          d = nesterov ? fma32(b, mom, d) : b;
        }
        x[i] = fma32(d, negLr, x[i]);
      }
    }
  }
}
