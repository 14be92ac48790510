import type { Tensor } from '../tensor.js';
import { GradNode, type BackwardFn } from './grad-node.js';
import { isGradEnabled } from './grad-mode.js';

/**
 * Attaches a graph node to an op's result when any input needs a gradient and
 * grad mode is on; otherwise the result stays a plain leaf. Every op calls this
 * once, after computing its forward value. `savesTensors` is false for ops whose
 * backward needs only shapes (see GradNode).
 */
export function record(
  out: Tensor,
  name: string,
  inputs: readonly Tensor[],
  backward: BackwardFn,
  savesTensors = true,
): Tensor {
  if (!isGradEnabled()) return out;
  const n = inputs.length;
  let needed = false;
  for (let i = 0; i < n; i++)
    if (inputs[i].requiresGrad) {
      needed = true;
      break;
    }
  if (!needed) return out;
  const edges = new Array<Tensor | null>(n);
  for (let i = 0; i < n; i++) edges[i] = inputs[i].requiresGrad ? inputs[i] : null;
  out.requiresGrad = true;
  out.gradFn = new GradNode(name, edges, backward, savesTensors);
  return out;
}
