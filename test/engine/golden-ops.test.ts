import { describe, expect, it } from 'vitest';
import {
  Tensor,
  abs,
  add,
  addmm,
  binaryCrossEntropyWithLogits,
  cat,
  clamp,
  clone,
  crossEntropy,
  div,
  eq,
  exp,
  expand,
  flatten,
  gatherRows,
  ge,
  gelu,
  gt,
  indexRegion,
  l1Loss,
  le,
  leakyRelu,
  linear,
  log,
  logSoftmax,
  lt,
  matmul,
  max,
  maxDim,
  mean,
  mm,
  mseLoss,
  mul,
  ne,
  neg,
  nllLoss,
  permute,
  pow,
  reciprocal,
  relu,
  reshape,
  select,
  sigmoid,
  slice,
  softmax,
  sqrt,
  square,
  squeeze,
  stack,
  sub,
  sum,
  t,
  tanh,
  tensor,
  transpose,
  unsqueeze,
  view,
  where,
  zeros,
  ones,
  sameShape,
} from '../../src/engine/index.js';
import { AppError } from '../../src/errors/index.js';
import { fixture, type Args, type Encoded, type OpCase, decode, expectClose } from './ops-fixture.js';

type Op = (x: Tensor[], a: Args) => Tensor;

/** The engine call for each op name of scripts/golden/ops.py, written as the PyTorch line it checks. */
const OPS: Record<string, Op> = {
  add: (x, a) => add(x[0], x[1], a.alpha ?? 1),
  add_scalar: (x, a) => add(x[0], a.c!),
  radd_scalar: (x, a) => add(a.c!, x[0]),
  sub: (x, a) => sub(x[0], x[1], a.alpha ?? 1),
  sub_scalar: (x, a) => sub(x[0], a.c!),
  rsub_scalar: (x, a) => sub(a.c!, x[0]),
  mul: (x) => mul(x[0], x[1]),
  mul_scalar: (x, a) => mul(x[0], a.c!),
  div: (x) => div(x[0], x[1]),
  div_scalar: (x, a) => div(x[0], a.c!),
  rdiv_scalar: (x, a) => div(a.c!, x[0]),
  neg: (x) => neg(x[0]),
  abs: (x) => abs(x[0]),
  exp: (x) => exp(x[0]),
  log: (x) => log(x[0]),
  sqrt: (x) => sqrt(x[0]),
  reciprocal: (x) => reciprocal(x[0]),
  square: (x) => square(x[0]),
  relu: (x) => relu(x[0]),
  sigmoid: (x) => sigmoid(x[0]),
  tanh: (x) => tanh(x[0]),
  leaky_relu: (x, a) => leakyRelu(x[0], a.slope ?? 0.01),
  gelu: (x, a) => gelu(x[0], a.approximate ?? 'none'),
  pow_scalar: (x, a) => pow(x[0], a.e!),
  pow: (x) => pow(x[0], x[1]),
  rpow_scalar: (x, a) => pow(a.c!, x[0]),
  clamp: (x, a) => clamp(x[0], a.min, a.max),
  gt: (x, a) => gt(x[0], x[1] ?? a.c!),
  ge: (x, a) => ge(x[0], x[1] ?? a.c!),
  lt: (x, a) => lt(x[0], x[1] ?? a.c!),
  le: (x, a) => le(x[0], x[1] ?? a.c!),
  eq: (x, a) => eq(x[0], x[1] ?? a.c!),
  ne: (x, a) => ne(x[0], x[1] ?? a.c!),
  where: (x) => where(gt(x[0], 0), x[1], x[2]),
  sum: (x, a) => (a.dim === undefined ? sum(x[0]) : sum(x[0], a.dim, a.keepdim)),
  mean: (x, a) => (a.dim === undefined ? mean(x[0]) : mean(x[0], a.dim, a.keepdim)),
  max: (x) => max(x[0]),
  max_dim: (x, a) => maxDim(x[0], a.dim as number, a.keepdim).values,
  softmax: (x, a) => softmax(x[0], a.dim as number),
  log_softmax: (x, a) => logSoftmax(x[0], a.dim as number),
  mm: (x) => mm(x[0], x[1]),
  addmm: (x) => addmm(x[0], x[1], x[2]),
  linear: (x) => linear(x[0], x[1], x[2] ?? null),
  matmul: (x) => matmul(x[0], x[1]),
  reshape: (x, a) => reshape(x[0], a.shape!),
  view: (x, a) => view(x[0], a.shape!),
  flatten: (x, a) => flatten(x[0], a.start ?? 0, a.end ?? -1),
  unsqueeze: (x, a) => unsqueeze(x[0], a.dim as number),
  squeeze: (x, a) => squeeze(x[0], a.dim as number | undefined),
  permute: (x, a) => permute(x[0], a.dims!),
  transpose: (x, a) => transpose(x[0], a.dim0!, a.dim1!),
  t: (x) => t(x[0]),
  expand: (x, a) => expand(x[0], a.shape!),
  clone: (x) => clone(x[0]),
  cat: (x, a) => cat(x, (a.dim as number | undefined) ?? 0),
  stack: (x, a) => stack(x, (a.dim as number | undefined) ?? 0),
  select: (x, a) => select(x[0], a.dim as number, a.index!),
  slice: (x, a) => slice(x[0], a.dim as number, a.start ?? null, a.end ?? null, a.step ?? 1),
  index: (x, a) => indexRegion(x[0], a.selectors!, a.tuple === undefined ? {} : { tuple: a.tuple }),
  gather_rows: (x, a) => gatherRows(x[0], a.targets!),
  mse_loss: (x, a) => mseLoss(x[0], x[1], a.reduction),
  l1_loss: (x, a) => l1Loss(x[0], x[1], a.reduction),
  nll_loss: (x, a) => nllLoss(x[0], a.targets!, a.reduction, a.ignore_index),
  cross_entropy: (x, a) => crossEntropy(x[0], a.targets!, a.reduction, a.ignore_index),
  bce_with_logits: (x, a) => binaryCrossEntropyWithLogits(x[0], x[1], a.reduction),
};

function leaf(e: Encoded, requiresGrad: boolean): Tensor {
  return new Tensor(Float32Array.from(decode(e.data)), e.shape, requiresGrad);
}

function run(c: OpCase): { out: Tensor; leaves: Tensor[] } {
  const leaves = c.inputs.map((e, i) => leaf(e, c.requires[i]));
  return { out: OPS[c.op](leaves, c.args), leaves };
}

describe('golden ops (PyTorch 1.13)', () => {
  it('covers every op of the fixture', () => {
    for (const c of fixture.ops) expect(OPS[c.op], c.op).toBeTypeOf('function');
    expect(fixture.ops.length).toBeGreaterThanOrEqual(200);
  });

  it('grad_fn names match the table', () => {
    const names: Record<string, string | null> = {};
    for (const c of fixture.ops) names[c.id] = run(c).out.gradFn?.name ?? null;
    expect(names).toEqual(fixture.gradFn);
  });

  describe.each(fixture.ops.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    it('forward values and input gradients', () => {
      const { out, leaves } = run(c);
      expectClose(out, c.out, c.exact, `${c.id} output`);
      if (c.gradOut === null) {
        expect(out.requiresGrad).toBe(false);
        return;
      }
      out.backward(leaf(c.gradOut, false));
      c.grads.forEach((g, i) => {
        if (g === null) expect(leaves[i].grad, `${c.id} grad ${i}`).toBeNull();
        // A gradient summed over broadcast dims rounds differently from PyTorch's float32 sums, so only unreduced ones are exact.
        else expectClose(leaves[i].grad!, g, c.exact && sameShape(g.shape, c.out.shape), `${c.id} grad ${i}`);
      });
    });
  });
});

describe('golden op errors (PyTorch 1.13 messages)', () => {
  it.each(fixture.opErrors.map((e) => [e.id, e] as const))('%s', (_id, e) => {
    const xs = e.shapes.map((s) => zeros(s));
    let caught: unknown = null;
    try {
      OPS[e.op](xs, e.args);
    } catch (err) {
      caught = err;
    }
    expect(caught, 'expected an error').toBeInstanceOf(AppError);
    expect((caught as Error).message).toBe(e.message);
  });
});

describe('golden MLPs: forward and every parameter gradient of (out + 1).square().mean()', () => {
  const activation: Record<string, (x: Tensor) => Tensor> = {
    ReLU: relu,
    Tanh: tanh,
    Sigmoid: sigmoid,
    GELU: (x) => gelu(x),
    LeakyReLU: (x) => leakyRelu(x),
  };
  it.each(fixture.mlps.map((m, i) => [`${m.widths.join('-')} ${m.activation} batch ${m.x.shape[0]}`, m, i] as const))('%s', (_name, m) => {
    const params = m.params.map((p) => ({ weight: leaf(p.weight, true), bias: p.bias === null ? null : leaf(p.bias, true) }));
    let h = leaf(m.x, false);
    params.forEach((p, i) => {
      h = linear(h, p.weight, p.bias);
      if (i < params.length - 1) h = activation[m.activation](h);
    });
    expect(h.gradFn?.name).toBe(m.outGradFn);
    expectClose(h, m.out, false, 'out');
    const loss = mean(square(add(h, 1)));
    expect(loss.item()).toBeCloseTo(m.loss, 5);
    loss.backward();
    params.forEach((p, i) => {
      expectClose(p.weight.grad!, m.grads[i].weight, false, `weight ${i}`);
      if (p.bias !== null) expectClose(p.bias.grad!, m.grads[i].bias!, false, `bias ${i}`);
    });
  });
});

describe('golden backward errors and second backward', () => {
  const errors = fixture.backward.errors;
  function messageOf(f: () => void): string | null {
    try {
      f();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      return (err as Error).message;
    }
    return null;
  }

  it('non-scalar, shape mismatch, second backward, nothing requires grad', () => {
    const x = () => ones([4, 3], { requiresGrad: true });
    expect(messageOf(() => mul(x(), 2).backward())).toBe(errors.nonScalar);
    expect(messageOf(() => mul(x(), 2).backward(ones([3])))).toBe(errors.shapeMismatch);
    const w = ones([2], { requiresGrad: true });
    const z = sum(mul(w, w));
    z.backward();
    expect(messageOf(() => z.backward())).toBe(errors.secondBackward);
    expect(messageOf(() => sum(ones([3])).backward())).toBe(errors.noGrad);
  });

  const graphs: Record<string, (x: Tensor) => Tensor> = {
    add: (x) => sum(add(x, x)),
    add_number: (x) => sum(add(x, 1)),
    sub: (x) => sum(sub(x, 1)),
    neg: (x) => sum(neg(x)),
    mul: (x) => sum(mul(x, x)),
    mul_number: (x) => sum(mul(x, 2)),
    div_number: (x) => sum(div(x, 2)),
    relu: (x) => sum(relu(x)),
    exp: (x) => sum(exp(x)),
    reshape: (x) => sum(reshape(x, [3, 1])),
    view: (x) => sum(view(x, [3, 1])),
    slice: (x) => sum(indexRegion(x, [{ kind: 'slice', start: 1 }])),
    select: (x) => sum(indexRegion(x, [{ kind: 'index', index: 1 }])),
    sum: (x) => sum(x),
    mean: (x) => mean(x),
    mean_dim: (x) => sum(mean(reshape(x, [1, 3]), 1)),
    cat: (x) => sum(cat([x, x])),
    stack: (x) => sum(stack([x, x])),
    unsqueeze: (x) => sum(unsqueeze(x, 0)),
    expand: (x) => sum(expand(x, [2, 3])),
    clone: (x) => sum(clone(x)),
    transpose: (x) => sum(transpose(reshape(x, [1, 3]), 0, 1)),
    squeeze: (x) => sum(squeeze(unsqueeze(x, 0), 0)),
    clamp: (x) => sum(clamp(x, 0, 1)),
    softmax: (x) => sum(softmax(x, 0)),
    max: (x) => max(x),
    mse_loss: (x) => mseLoss(x, zeros([3])),
    square: (x) => sum(square(x)),
    linear: (x) => sum(linear(x, ones([2, 3]))),
  };
  it.each(Object.entries(fixture.backward.secondBackward))('%s', (name, expected) => {
    const x = tensor([0.5, -1, 2], { requiresGrad: true });
    const s = graphs[name](x);
    s.backward();
    expect(messageOf(() => s.backward())).toBe(expected);
  });
});
