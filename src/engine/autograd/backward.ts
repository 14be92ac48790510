import { Tensor } from '../tensor.js';
import type { GradNode } from './grad-node.js';
import { noGrad } from './grad-mode.js';
import { AutogradError } from '../errors.js';
import { formatSize, sameShape } from '../shape.js';
import { allocate } from '../dtype.js';

const FREED_GRAPH =
  'Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). ' +
  'Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). ' +
  'Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.';

/**
 * Reverse-mode autodiff. Iterative (an explicit stack, never recursion) so a
 * graph thousands of ops deep cannot overflow the JS stack. Gradients that meet
 * at a node or a leaf are summed, which is what makes fan-out and tied layers
 * work: a tensor used twice gets the sum of both uses.
 */
export function runBackward(root: Tensor, gradient: Tensor | undefined, retainGraph: boolean): void {
  if (!root.requiresGrad)
    throw new AutogradError('element 0 of tensors does not require grad and does not have a grad_fn', 'NOTHING_REQUIRES_GRAD');
  let seed: Tensor;
  if (gradient === undefined) {
    if (root.numel !== 1)
      throw new AutogradError('grad can be implicitly created only for scalar outputs', 'NON_SCALAR_BACKWARD');
    const one = allocate(root.dtype, 1);
    one[0] = 1;
    seed = new Tensor(one, root.shape);
  } else {
    if (!sameShape(gradient.shape, root.shape))
      throw new AutogradError(
        `Mismatch in shape: grad_output[0] has a shape of ${formatSize(gradient.shape)} and output[0] has a shape of ${formatSize(root.shape)}.`,
        'SHAPE_MISMATCH',
      );
    seed = gradient.detach();
  }
  noGrad(() => {
    const start = root.gradFn;
    if (start === null) {
      accumulateIntoLeaf(root, seed);
      return;
    }
    // Count, for every node, how many edges lead into it, so it runs only once all its gradient has arrived.
    const pendingEdges = new Map<GradNode, number>([[start, 0]]);
    const stack: GradNode[] = [start];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.released) throw new AutogradError(FREED_GRAPH, 'GRAPH_FREED');
      for (const input of node.inputs) {
        const next = input?.gradFn;
        if (!next) continue;
        const seen = pendingEdges.get(next);
        if (seen === undefined) {
          pendingEdges.set(next, 1);
          stack.push(next);
        } else pendingEdges.set(next, seen + 1);
      }
    }
    const gradOf = new Map<GradNode, Tensor>([[start, seed]]);
    const ready: GradNode[] = [start];
    while (ready.length > 0) {
      const node = ready.pop()!;
      const gradOutput = gradOf.get(node);
      gradOf.delete(node);
      // A node that received no gradient still runs its bookkeeping so its inputs' counts reach zero.
      const grads = gradOutput === undefined ? [] : node.apply(gradOutput);
      if (!retainGraph) node.release();
      for (let i = 0; i < node.inputs.length; i++) {
        const input = node.inputs[i];
        if (input === null) continue;
        const g = grads[i] ?? null;
        const next = input.gradFn;
        if (next === null) {
          if (g !== null && input.requiresGrad) accumulateIntoLeaf(input, g);
          continue;
        }
        if (g !== null) {
          const sofar = gradOf.get(next);
          gradOf.set(next, sofar === undefined ? g : addInto(sofar, g));
        }
        const left = pendingEdges.get(next)! - 1;
        pendingEdges.set(next, left);
        if (left === 0) ready.push(next);
      }
    }
  });
}

/** `leaf.grad += g`; the first gradient is copied so no two leaves ever share a grad buffer. */
function accumulateIntoLeaf(leaf: Tensor, g: Tensor): void {
  if (leaf.grad === null) {
    const copy = allocate(leaf.dtype, leaf.numel);
    copy.set(g.data);
    leaf.grad = new Tensor(copy, leaf.shape);
    return;
  }
  const acc = leaf.grad.data;
  const src = g.data;
  for (let i = 0; i < acc.length; i++) acc[i] += src[i];
}

/** Sums two incoming gradients of one node; never writes into a tensor an op may still hold. */
function addInto(a: Tensor, b: Tensor): Tensor {
  const out = allocate(a.dtype, a.numel);
  const x = a.data;
  const y = b.data;
  for (let i = 0; i < out.length; i++) out[i] = x[i] + y[i];
  return new Tensor(out, a.shape);
}
