import { Tensor, allocate, uniform_ as fillUniform, type Generator as RandomGenerator } from '../../engine/index.js';
import type { InitTarget, InitializerSpec, MixtureComponent } from './initializer-spec.js';

/** How far a mixture's weights may be from summing to 1. */
export const MIXTURE_WEIGHT_TOLERANCE = 1e-6;

type FillInitializer = (spec: InitializerSpec, out: Tensor, target: InitTarget, generator: RandomGenerator) => void;

/**
 * Fills `out` with a mixture: element i comes from component c(i), chosen
 * with probability `weight`. The draws, all from `generator`, in this order:
 *
 * 1. One float64 uniform per element, row-major (two 32-bit draws each:
 *    exactly `torch.rand(shape, dtype=torch.float64)`); element i takes the
 *    first component k with u(i) < w₀ + … + wₖ (summed left to right in
 *    double), or the last component if rounding leaves none.
 * 2. Then each component in order, including any no element chose, fills a
 *    whole tensor of `out`'s shape exactly as it would alone (so a `normal`
 *    component takes its 16-block or cached Box-Muller path by the full
 *    size, `xavier_*` sees the full fans); element i keeps component c(i)'s
 *    value.
 *
 * So a mixture is reproducible in PyTorch with that `torch.rand` followed by
 * the components' own `nn.init` calls on `torch.empty_like` tensors.
 */
export function fillMixture(
  components: readonly MixtureComponent[],
  out: Tensor,
  target: InitTarget,
  generator: RandomGenerator,
  fillComponent: FillInitializer,
): void {
  const n = out.numel;
  const u = fillUniform(new Float64Array(n), 0, 1, generator);
  const cumulative: number[] = [];
  let sum = 0;
  for (const c of components) cumulative.push((sum += c.weight));
  const last = components.length - 1;
  const choice = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    let k = 0;
    while (k < last && !(u[i] < cumulative[k])) k++;
    choice[i] = k;
  }
  components.forEach((component, k) => {
    const drawn = new Tensor(allocate(out.dtype, n), out.shape);
    fillComponent(component.init, drawn, target, generator);
    for (let i = 0; i < n; i++) if (choice[i] === k) out.data[i] = drawn.data[i];
  });
}
