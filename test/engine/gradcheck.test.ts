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
  exp,
  expand,
  flatten,
  gatherRows,
  gelu,
  gt,
  indexRegion,
  l1Loss,
  leakyRelu,
  linear,
  log,
  logSoftmax,
  matmul,
  max,
  maxDim,
  mean,
  mm,
  mseLoss,
  mul,
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
  transpose,
  unsqueeze,
  view,
  where,
} from '../../src/engine/index.js';
import { record } from '../../src/engine/autograd/record.js';
import { gradcheck, rand } from './gradcheck.js';

type Case = [name: string, fn: (...x: Tensor[]) => Tensor, inputs: Tensor[]];

let seed = 1;
/** Fresh seeded float64 inputs; `positive` for log/sqrt/pow bases, `fixed` for inputs not checked. */
const r = (shape: number[], opts: { positive?: boolean; fixed?: boolean; lo?: number; hi?: number } = {}): Tensor => {
  const x = rand(shape, seed++, opts);
  return opts.fixed ? x.requiresGrad_(false) : x;
};

const binary: Case[] = [];
for (const [name, op] of [
  ['add', (a: Tensor, b: Tensor) => add(a, b)],
  ['add alpha', (a: Tensor, b: Tensor) => add(a, b, -2.5)],
  ['sub', (a: Tensor, b: Tensor) => sub(a, b)],
  ['sub alpha', (a: Tensor, b: Tensor) => sub(a, b, 0.5)],
  ['mul', (a: Tensor, b: Tensor) => mul(a, b)],
  ['div', (a: Tensor, b: Tensor) => div(a, b)],
  ['pow', (a: Tensor, b: Tensor) => pow(a, b)],
] as const)
  for (const [layout, sa, sb] of [
    ['same', [3, 4], [3, 4]],
    ['bias row', [3, 4], [4]],
    ['bias row on the left', [4], [3, 4]],
    ['column', [3, 4], [3, 1]],
    ['scalar tensor', [3, 4], []],
    ['scalar tensor on the left', [], [3, 4]],
    ['general both ways', [3, 1], [1, 4]],
    ['general 3-d', [2, 1, 4], [3, 1]],
    ['0-d', [], []],
  ] as const)
    binary.push([`${name} ${layout}`, op, [r([...sa], { positive: name === 'pow' }), r([...sb])]]);

const numbers: Case[] = [
  ['add number', (a) => add(a, 0.3), [r([3, 4])]],
  ['number + tensor', (a) => add(1.5, a), [r([3, 4])]],
  ['sub number', (a) => sub(a, 0.3), [r([3, 4])]],
  ['rsub', (a) => sub(2, a), [r([3, 4])]],
  ['mul number', (a) => mul(a, -1.7), [r([3, 4])]],
  ['div number', (a) => div(a, 3), [r([3, 4])]],
  ['rdiv', (a) => div(2.5, a), [r([3, 4])]],
  ['pow number', (a) => pow(a, 3), [r([3, 4])]],
  ['pow fractional', (a) => pow(a, 0.5), [r([3, 4], { positive: true })]],
  ['pow negative', (a) => pow(a, -2), [r([3, 4])]],
  ['rpow', (a) => pow(2, a), [r([3, 4])]],
];

const unary: Case[] = [
  ['neg', neg, [r([3, 4])]],
  ['abs', abs, [r([3, 4])]],
  ['exp', exp, [r([3, 4])]],
  ['log', log, [r([3, 4], { positive: true })]],
  ['sqrt', sqrt, [r([3, 4], { positive: true })]],
  ['reciprocal', reciprocal, [r([3, 4])]],
  ['square', square, [r([3, 4])]],
  ['relu', relu, [r([3, 4])]],
  ['sigmoid', sigmoid, [r([3, 4])]],
  ['tanh', tanh, [r([3, 4])]],
  ['leakyRelu', (a) => leakyRelu(a, 0.2), [r([3, 4])]],
  ['gelu', (a) => gelu(a), [r([3, 4], { lo: 0, hi: 3 })]],
  ['gelu tanh', (a) => gelu(a, 'tanh'), [r([3, 4], { lo: 0, hi: 3 })]],
  ['clamp', (a) => clamp(a, -1, 1), [r([3, 4])]],
  ['clamp min', (a) => clamp(a, 0.5), [r([3, 4])]],
  ['clamp max', (a) => clamp(a, null, -0.5), [r([3, 4])]],
  ['where', (a, b) => where(gt(a, 0), a, b), [r([3, 4]), r([4])]],
  ['where with a number', (a) => where(gt(a, 0), a, 0), [r([3, 4])]],
];

const reductions: Case[] = [
  ['sum', (a) => sum(a), [r([3, 4])]],
  ['sum dim', (a) => sum(a, 1), [r([3, 4])]],
  ['sum dim keepdim', (a) => sum(a, 0, true), [r([3, 4])]],
  ['sum dims', (a) => sum(a, [0, 2]), [r([2, 3, 4])]],
  ['sum negative dim keepdim', (a) => sum(a, -2, true), [r([2, 3, 4])]],
  ['sum []', (a) => sum(a, []), [r([2, 3])]],
  ['sum 0-d', (a) => sum(a, 0), [r([])]],
  ['mean', (a) => mean(a), [r([3, 4])]],
  ['mean dim', (a) => mean(a, 1), [r([3, 4])]],
  ['mean dims keepdim', (a) => mean(a, [0, 1], true), [r([2, 3, 4])]],
  ['max', (a) => max(a), [r([3, 4])]],
  ['maxDim', (a) => maxDim(a, 1).values, [r([3, 4])]],
  ['maxDim keepdim', (a) => maxDim(a, 0, true).values, [r([2, 3, 4])]],
  ['softmax last', (a) => softmax(a, -1), [r([3, 4])]],
  ['softmax first', (a) => softmax(a, 0), [r([3, 4])]],
  ['softmax middle', (a) => softmax(a, 1), [r([2, 3, 4])]],
  ['logSoftmax last', (a) => logSoftmax(a, 1), [r([3, 4])]],
  ['logSoftmax middle', (a) => logSoftmax(a, 1), [r([2, 3, 4])]],
];

const products: Case[] = [
  ['mm', mm, [r([3, 4]), r([4, 5])]],
  ['addmm bias row', addmm, [r([5]), r([3, 4]), r([4, 5])]],
  ['addmm full bias', addmm, [r([3, 5]), r([3, 4]), r([4, 5])]],
  ['addmm column bias', addmm, [r([3, 1]), r([3, 4]), r([4, 5])]],
  ['addmm scalar bias', addmm, [r([]), r([3, 4]), r([4, 5])]],
  ['linear 1-D with bias', linear, [r([4]), r([5, 4]), r([5])]],
  ['linear 1-D without bias', (x, w) => linear(x, w), [r([4]), r([5, 4])]],
  ['linear 2-D with bias', linear, [r([3, 4]), r([5, 4]), r([5])]],
  ['linear 2-D without bias', (x, w) => linear(x, w), [r([3, 4]), r([5, 4])]],
  ['linear 3-D with bias', linear, [r([2, 3, 4]), r([5, 4]), r([5])]],
  ['linear 3-D without bias', (x, w) => linear(x, w), [r([2, 3, 4]), r([5, 4])]],
  ['linear 4-D with bias', linear, [r([2, 2, 3, 4]), r([5, 4]), r([5])]],
  ['linear frozen input', linear, [r([3, 4], { fixed: true }), r([5, 4]), r([5])]],
  ['linear frozen weight', linear, [r([3, 4]), r([5, 4], { fixed: true }), r([5])]],
];
for (const [sa, sb] of [
  [[4], [4]],
  [[3, 4], [4]],
  [[4], [4, 5]],
  [[2, 3, 4], [4]],
  [[4], [2, 4, 5]],
  [[2, 3, 4], [4, 5]],
  [[3, 4], [2, 4, 5]],
  [[2, 3, 4], [2, 4, 5]],
  [[2, 1, 3, 4], [5, 4, 2]],
  [[1, 3, 4], [2, 4, 5]],
  [[2, 3, 4], [1, 4, 5]],
])
  products.push([`matmul ${sa.join('x')} @ ${sb.join('x')}`, matmul, [r(sa), r(sb)]]);

const shapes: Case[] = [
  ['reshape', (a) => reshape(a, [2, -1]), [r([3, 4])]],
  ['view', (a) => view(a, [12]), [r([3, 4])]],
  ['flatten', (a) => flatten(a, 1), [r([2, 3, 4])]],
  ['unsqueeze', (a) => unsqueeze(a, -1), [r([3, 4])]],
  ['squeeze', (a) => squeeze(a), [r([3, 1, 4])]],
  ['squeeze dim', (a) => squeeze(a, 1), [r([3, 1, 4])]],
  ['permute', (a) => permute(a, [2, 0, 1]), [r([2, 3, 4])]],
  ['transpose', (a) => transpose(a, 0, 2), [r([2, 3, 4])]],
  ['t', t, [r([3, 4])]],
  ['expand', (a) => expand(a, [2, 3, 4]), [r([3, 1])]],
  ['clone', clone, [r([3, 4])]],
  ['cat dim 0', (a, b) => cat([a, b]), [r([2, 3]), r([4, 3])]],
  ['cat dim 1 of three', (a, b, c) => cat([a, b, c], 1), [r([2, 3]), r([2, 1]), r([2, 2])]],
  ['stack', (a, b) => stack([a, b], 1), [r([2, 3]), r([2, 3])]],
  ['select', (a) => select(a, 1, -1), [r([3, 4])]],
  ['slice', (a) => slice(a, 0, 1, null, 2), [r([5, 4])]],
  ['slice negative', (a) => slice(a, 1, -3), [r([5, 4])]],
  ['index int, slice', (a) => indexRegion(a, [{ kind: 'index', index: 1 }, { kind: 'slice', start: 1, stop: null, step: 2 }]), [r([3, 5])]],
  ['index ellipsis, int', (a) => indexRegion(a, [{ kind: 'ellipsis' }, { kind: 'index', index: -1 }]), [r([2, 3, 4])]],
  ['index slices', (a) => indexRegion(a, [{ kind: 'slice', stop: 2 }, { kind: 'ellipsis' }, { kind: 'slice', start: 1 }]), [r([3, 2, 4])]],
  ['gatherRows', (a) => gatherRows(a, [2, 0, 1]), [r([3, 4])]],
];

const t1 = r([3, 4], { fixed: true });
const t2 = r([3, 4], { fixed: true });
const t3 = sigmoid(r([3, 4], { fixed: true }));
const t4 = sigmoid(r([3, 4], { fixed: true }));
const losses: Case[] = [
  ['mseLoss', (a) => mseLoss(a, t1), [r([3, 4])]],
  ['mseLoss sum', (a) => mseLoss(a, t2, 'sum'), [r([3, 4])]],
  ['mseLoss none', (a) => mseLoss(a, t1, 'none'), [r([3, 4])]],
  ['mseLoss target grad', (a, b) => mseLoss(a, b), [r([3, 4]), r([3, 4])]],
  ['mseLoss broadcast', (a, b) => mseLoss(a, b), [r([3, 4]), r([4])]],
  ['l1Loss', (a) => l1Loss(a, t2), [r([3, 4])]],
  ['nllLoss', (a) => nllLoss(a, [1, 0, 3]), [r([3, 4])]],
  ['nllLoss sum', (a) => nllLoss(a, [1, 0, 3], 'sum'), [r([3, 4])]],
  ['nllLoss none', (a) => nllLoss(a, [1, 0, 3], 'none'), [r([3, 4])]],
  ['nllLoss ignore', (a) => nllLoss(a, [1, -100, 3]), [r([3, 4])]],
  ['crossEntropy', (a) => crossEntropy(a, [1, 0, 3]), [r([3, 4])]],
  ['crossEntropy 1-D', (a) => crossEntropy(a, [2]), [r([4])]],
  ['bceWithLogits', (a) => binaryCrossEntropyWithLogits(a, t3), [r([3, 4])]],
  ['bceWithLogits both', (a, b) => binaryCrossEntropyWithLogits(a, b), [r([3, 4]), r([3, 4], { lo: 0.1, hi: 0.9, positive: true })]],
  ['bceWithLogits none', (a) => binaryCrossEntropyWithLogits(a, t4, 'none'), [r([3, 4])]],
];

const mlpTarget = r([2, 1], { fixed: true });
const fanOut: Case[] = [
  ['a * a + a', (a) => add(mul(a, a), a), [r([3, 4])]],
  ['two branches', (a) => add(relu(a), mul(tanh(a), a)), [r([3, 4])]],
  ['tied linear (the weight used twice)', (x, w) => linear(tanh(linear(x, w)), w), [r([2, 4]), r([4, 4])]],
  ['same tensor both operands, broadcast', (a) => mul(a, sum(a, 0, true)), [r([3, 4])]],
  ['deep chain', (a) => {
    let h = a;
    for (let i = 0; i < 20; i++) h = tanh(add(mul(h, 1.1), 0.05));
    return h;
  }, [r([3])]],
  ['mlp with mse', (x, w1, b1, w2, b2) => mseLoss(linear(tanh(linear(x, w1, b1)), w2, b2), mlpTarget), [r([2, 4], { fixed: true }), r([8, 4]), r([8]), r([1, 8]), r([1])]],
];

describe('gradcheck: analytic gradients match central differences in float64', () => {
  describe.each([
    ['binary ops with broadcasting', binary],
    ['number operands', numbers],
    ['unary ops', unary],
    ['reductions and softmax', reductions],
    ['products', products],
    ['shape and index ops', shapes],
    ['losses', losses],
    ['fan-out', fanOut],
  ] as const)('%s', (_group, cases) => {
    it.each(cases)('%s', (_name, fn, inputs) => {
      const { checked, maxError } = gradcheck(fn, inputs);
      expect(checked).toBeGreaterThan(0);
      expect(maxError).toBeLessThan(1e-5);
    });
  });

  it('reports a wrong gradient', () => {
    // x² forward with 3x² as its derivative: the checker must catch it.
    const wrong = (a: Tensor): Tensor =>
      record(new Tensor(a.data.map((v) => v * v), a.shape), 'WrongBackward0', [a], (g) => [
        new Tensor(g.data.map((v, i) => v * 3 * a.data[i] * a.data[i]), a.shape),
      ]);
    expect(() => gradcheck(wrong, [r([2])])).toThrow(/analytic/);
    // A detached use hides part of the dependence from autograd but not from finite differences.
    expect(() => gradcheck((a) => mul(a, a.detach()), [r([2])])).toThrow(/analytic/);
  });
});
