import type { Tensor } from '../tensor.js';
import type { GradNode } from './grad-node.js';
import { setGradEnabled } from './grad-mode.js';
import { AutogradError } from '../errors.js';
import { formatSize, sameShape } from '../shape.js';
import { allocate, type DType, allocateLike } from '../dtype.js';
import { tensorOf } from '../ops/tensor-of.js';

const FREED_GRAPH =
  'Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). ' +
  'Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). ' +
  'Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.';

const NO_GRADS: readonly (Tensor | null)[] = [];

/** Tells traversals apart, so a node's scratch fields from an earlier pass are never read. */
let traversal = 0;

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
    const one = allocateLike(root.data, 1);
    one[0] = 1;
    seed = tensorOf(one, root.shape);
  } else {
    if (!sameShape(gradient.shape, root.shape))
      throw new AutogradError(
        `Mismatch in shape: grad_output[0] has a shape of ${formatSize(gradient.shape)} and output[0] has a shape of ${formatSize(root.shape)}.`,
        'SHAPE_MISMATCH',
      );
    seed = gradient.dtype === root.dtype ? gradient.detach() : castTo(gradient, root.dtype);
  }
  const start = root.gradFn;
  if (start === null) {
    accumulateIntoLeaf(root, seed);
    return;
  }
  const before = setGradEnabled(false);
  try {
    countEdges(start);
    propagate(start, seed, retainGraph);
  } finally {
    setGradEnabled(before);
  }
}

/** Pass 1: how many edges lead into each reachable node, so it runs once all its gradient has arrived. */
function countEdges(start: GradNode): void {
  const visit = ++traversal;
  start.visit = visit;
  start.pending = 0;
  start.gradSum = null;
  const stack: GradNode[] = [start];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.released) throw new AutogradError(FREED_GRAPH, 'GRAPH_FREED');
    const inputs = node.inputs;
    for (let i = 0; i < inputs.length; i++) {
      const next = inputs[i]?.gradFn;
      if (!next) continue;
      if (next.visit !== visit) {
        next.visit = visit;
        next.pending = 1;
        next.gradSum = null;
        stack.push(next);
      } else next.pending++;
    }
  }
}

/** Pass 2: run nodes whose inputs are complete, handing each input its gradient. */
function propagate(start: GradNode, seed: Tensor, retainGraph: boolean): void {
  start.gradSum = seed;
  const ready: GradNode[] = [start];
  while (ready.length > 0) {
    const node = ready.pop()!;
    const gradOutput = node.gradSum;
    node.gradSum = null;
    // A node that received no gradient still runs its bookkeeping so its inputs' counts reach zero.
    const grads = gradOutput === null ? NO_GRADS : node.apply(gradOutput);
    if (!retainGraph) node.release();
    const inputs = node.inputs;
    for (let i = 0; i < inputs.length; i++) {
      const input = inputs[i];
      if (input === null) continue;
      let g = i < grads.length ? grads[i] : null;
      // PyTorch hands every input a gradient of its own dtype (float32 weights used with float64 data).
      if (g !== null && g.data.constructor !== input.data.constructor) g = castTo(g, input.dtype);
      const next = input.gradFn;
      if (next === null) {
        if (g !== null && input.requiresGrad) accumulateIntoLeaf(input, g, owned(g, i, grads, gradOutput!));
        continue;
      }
      if (g !== null) next.gradSum = next.gradSum === null ? g : addInto(next.gradSum, g);
      if (--next.pending === 0) ready.push(next);
    }
  }
}

/**
 * Whether the engine alone holds grads[i]'s storage, so a leaf may keep it as
 * its `.grad` (PyTorch steals such gradients too). A node's backward either
 * passes its incoming gradient on (possibly reshaped: same storage) or
 * allocates a new one it does not keep; a buffer handed to two inputs is shared.
 */
function owned(g: Tensor, i: number, grads: readonly (Tensor | null)[], gradOutput: Tensor): boolean {
  const data = g.data;
  if (data === gradOutput.data) return false;
  for (let j = 0; j < grads.length; j++) if (j !== i && grads[j]?.data === data) return false;
  return true;
}

/** `leaf.grad += g`; a first gradient the engine does not own is copied, so no two leaves ever share a grad buffer. */
function accumulateIntoLeaf(leaf: Tensor, g: Tensor, steal = false): void {
  if (leaf.grad === null) {
    if (steal) {
      leaf.grad = g;
      return;
    }
    const copy = allocateLike(leaf.data, leaf.numel);
    copy.set(g.data);
    leaf.grad = tensorOf(copy, leaf.shape);
    return;
  }
  const acc = leaf.grad.data;
  const src = g.data;
  for (let i = 0; i < acc.length; i++) acc[i] += src[i];
}

/** Sums two incoming gradients of one node; never writes into a tensor an op may still hold. */
function addInto(a: Tensor, b: Tensor): Tensor {
  const out = allocateLike(a.data, a.numel);
  const x = a.data;
  const y = b.data;
  for (let i = 0; i < out.length; i++) out[i] = x[i] + y[i];
  return tensorOf(out, a.shape);
}

function castTo(t: Tensor, dtype: DType): Tensor {
  const out = allocate(dtype, t.numel);
  out.set(t.data);
  return tensorOf(out, t.shape);
}
