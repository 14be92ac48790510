import type { Tensor } from '../../engine/index.js';
import { f32, formatHyper, invalidHyper, Optimizer } from './optimizer.js';
import { fma32 } from '../../engine/index.js';

export interface AdamOptions {
  lr?: number;
  betas?: readonly [number, number];
  eps?: number;
  weight_decay?: number;
  amsgrad?: boolean;
  maximize?: boolean;
}

/** Adam's moments of one parameter, created on its first step. */
interface Moments {
  /** PyTorch keeps `step` as a float32 tensor, so it is counted in float32 too. */
  step: number;
  expAvg: Float32Array;
  expAvgSq: Float32Array;
  maxExpAvgSq: Float32Array | null;
}

/**
 * Adam and AdamW as torch 1.13's `_single_tensor_adam` / `_single_tensor_adamw`
 * compute them, per element and in their order:
 *   g = ±grad (+ wd·p for Adam's L2; AdamW instead scales p by 1 - lr·wd)
 *   m = β1·m + (1-β1)·g                 (mul_, then the fused add_)
 *   v = β2·v + ((1-β2)·g)·g             (mul_, then addcmul_'s contracted multiply-add)
 *   denom = sqrt(v) / fl32(√bc2) + eps  (bias corrections in double, as Python does)
 *   p = p + fl32(-lr/bc1)·m / denom     (addcdiv_)
 */
abstract class AdamFamily extends Optimizer {
  readonly lr: number;
  readonly betas: readonly [number, number];
  readonly eps: number;
  readonly weightDecay: number;
  readonly amsgrad: boolean;
  readonly maximize: boolean;
  private readonly moments: (Moments | null)[];

  protected constructor(params: Iterable<Tensor>, options: AdamOptions, defaultWeightDecay: number, private readonly decoupled: boolean) {
    const { lr = 1e-3, betas = [0.9, 0.999], eps = 1e-8, weight_decay = defaultWeightDecay, amsgrad = false, maximize = false } = options;
    // `not 0.0 <= x` as PyTorch writes it, so NaN is refused too.
    if (!(0 <= lr)) throw invalidHyper('lr', `Invalid learning rate: ${formatHyper(lr)}`);
    if (!(0 <= eps)) throw invalidHyper('eps', `Invalid epsilon value: ${formatHyper(eps)}`);
    if (!(0 <= betas[0] && betas[0] < 1)) throw invalidHyper('betas', `Invalid beta parameter at index 0: ${formatHyper(betas[0])}`);
    if (!(0 <= betas[1] && betas[1] < 1)) throw invalidHyper('betas', `Invalid beta parameter at index 1: ${formatHyper(betas[1])}`);
    if (!(0 <= weight_decay)) throw invalidHyper('weight_decay', `Invalid weight_decay value: ${formatHyper(weight_decay)}`);
    super(params);
    this.lr = lr;
    this.betas = [betas[0], betas[1]];
    this.eps = eps;
    this.weightDecay = weight_decay;
    this.amsgrad = amsgrad;
    this.maximize = maximize;
    this.moments = this.params.map(() => null);
  }

  step(): void {
    const [beta1, beta2] = this.betas;
    const { lr, amsgrad, maximize, decoupled } = this;
    const l2 = !decoupled && this.weightDecay !== 0;
    const decay = f32(this.weightDecay);
    const shrink = f32(1 - lr * this.weightDecay);
    const b1 = f32(beta1);
    const b2 = f32(beta2);
    const oneMinusB1 = f32(1 - beta1);
    const oneMinusB2 = f32(1 - beta2);
    const eps = f32(this.eps);
    const params = this.params;
    for (let k = 0; k < params.length; k++) {
      const param = params[k];
      const grad = param.grad;
      if (grad === null || !param.requiresGrad) continue;
      const x = param.data;
      const g = grad.data;
      const n = x.length;
      const s = (this.moments[k] ??= {
        step: 0,
        expAvg: new Float32Array(n),
        expAvgSq: new Float32Array(n),
        maxExpAvgSq: amsgrad ? new Float32Array(n) : null,
      });
      const step = (s.step = f32(s.step + 1));
      const stepSize = lr / (1 - beta1 ** step);
      const correction2 = f32(Math.sqrt(1 - beta2 ** step));
      const negStep = f32(-stepSize);
      const m = s.expAvg;
      const v = s.expAvgSq;
      const vmax = s.maxExpAvgSq;
      for (let i = 0; i < n; i++) {
        let p = x[i];
        let gi = maximize ? -g[i] : g[i];
        if (decoupled) p = f32(p * shrink);
        else if (l2) gi = fma32(p, decay, gi);
        const mi = fma32(gi, oneMinusB1, f32(m[i] * b1));
        const vi = fma32(f32(oneMinusB2 * gi), gi, f32(v[i] * b2));
        m[i] = mi;
        v[i] = vi;
        let second = vi;
        if (vmax !== null) {
          // torch.maximum: NaN wins.
          const prev = vmax[i];
          second = prev > vi || prev !== prev ? prev : vi;
          vmax[i] = second;
        }
        const denom = f32(f32(f32(Math.sqrt(second)) / correction2) + eps);
        x[i] = f32(p + f32(f32(negStep * mi) / denom));
      }
    }
  }
}

/** `torch.optim.Adam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False, maximize=False)`. */
export class Adam extends AdamFamily {
  constructor(params: Iterable<Tensor>, options: AdamOptions = {}) {
    super(params, options, 0, false);
  }

  get typeName(): string {
    return 'Adam';
  }
}

/** `torch.optim.AdamW(...)`: decoupled weight decay, default 1e-2. */
export class AdamW extends AdamFamily {
  constructor(params: Iterable<Tensor>, options: AdamOptions = {}) {
    super(params, options, 1e-2, true);
  }

  get typeName(): string {
    return 'AdamW';
  }
}
