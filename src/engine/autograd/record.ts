import type { Tensor } from '../tensor.js';
import { GradNode, type BackwardFn } from './grad-node.js';
import { isGradEnabled } from './grad-mode.js';

/**
 * Attaches a graph node to an op's result when any input needs a gradient and
 * grad mode is on; otherwise the result stays a plain leaf. Every op calls this
 * once, after computing its forward value.
 */
export function record(out: Tensor, name: string, inputs: readonly Tensor[], backward: BackwardFn): Tensor {
  if (!isGradEnabled()) return out;
  let needed = false;
  for (let i = 0; i < inputs.length; i++) if (inputs[i].requiresGrad) needed = true;
  if (!needed) return out;
  out.requiresGrad = true;
  out.gradFn = new GradNode(
    name,
    inputs.map((t) => (t.requiresGrad ? t : null)),
    backward,
  );
  return out;
}
