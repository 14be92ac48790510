import { describe, expect, it } from 'vitest';
import { Tensor } from '../../../src/engine/index.js';
import { AppError } from '../../../src/errors/index.js';
import { editParameter, Linear, Parameter, ReLU, Sequential } from '../../../src/nn/index.js';
import { base, fixture, toTensor, toValue, type EditCase } from './fixture.js';

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a refusal');
}

const label = (c: EditCase): string => {
  const v = JSON.stringify(c.value);
  return `${c.base}[${JSON.stringify(c.index)}] ${c.op} ${v.length > 40 ? `${v.slice(0, 40)}…` : v}`;
};

describe('S14: net[0].weight.data[:] += 1; net[0].weight.data[0, 0] = 42', () => {
  it('gives torch\'s values bit for bit', () => {
    const { initial, afterAdd, afterSet } = fixture.s14;
    const w = toTensor(initial);
    const param = new Parameter(w.data, w.shape);
    editParameter(param, { index: ':', op: 'add', value: 1 });
    expect(param.data).toEqual(toTensor(afterAdd).data);
    editParameter(param, { index: '0, 0', op: 'set', value: 42 });
    expect(param.data).toEqual(toTensor(afterSet).data);
    expect(param.requiresGrad).toBe(true);
    expect(param.gradFn).toBeNull();
  });

  it('edits the one tensor every tied path shares', () => {
    const shared = new Linear(8, 8, { init: false });
    const net = new Sequential([new Linear(4, 8, { init: false }), new ReLU(), shared, new ReLU(), shared]);
    const param = net.getParameter('2.weight');
    const storage = param.data;
    editParameter(param, { index: '..., 1', op: 'set', value: 3 });
    expect(net.getParameter('4.weight')).toBe(param);
    expect(param.data).toBe(storage);
    expect(net.stateDict().get('4.weight')!.data[1]).toBe(3);
  });
});

describe('edits against torch', () => {
  it.each(fixture.edits.map((c) => [label(c), c] as const))('%s', (_label, c) => {
    const t = base(c.base);
    const param = new Parameter(t.data, t.shape);
    const before = Float32Array.from(param.data);
    if (c.result !== undefined) {
      editParameter(param, { index: c.index, op: c.op, value: toValue(c.value) });
      expect(param.data).toEqual(toTensor(c.result).data);
      return;
    }
    const e = refusal(() => editParameter(param, { index: c.index, op: c.op, value: toValue(c.value) }));
    expect(e.message).toBe(c.error);
    expect(e.code).toBe('SHAPE_MISMATCH');
    expect(e.details.field).toBe('value');
    expect(param.data).toEqual(before);
  });
});

describe('refused edits leave the tensor untouched', () => {
  const fresh = (): Parameter => {
    const t = base('m');
    return new Parameter(t.data, t.shape);
  };

  it.each([
    ['a bad index', { index: 'None', op: 'add', value: 1 }, 'INVALID_INDEX', 'index'],
    ['an index out of range', { index: '8', op: 'set', value: 1 }, 'INDEX_OUT_OF_RANGE', 'index'],
    ['an unknown op', { index: ':', op: 'pow', value: 2 }, 'INVALID_ARGUMENT', 'op'],
    ['a ragged value', { index: ':', op: 'set', value: [[1, 2], [3]] }, 'INVALID_VALUE', 'value'],
    ['a string value', { index: ':', op: 'set', value: '1' }, 'INVALID_VALUE', 'value'],
    ['a null value', { index: ':', op: 'set', value: null }, 'INVALID_VALUE', 'value'],
    ['a value of the wrong shape', { index: ':2', op: 'mul', value: [1, 2, 3] }, 'SHAPE_MISMATCH', 'value'],
  ] as const)('%s', (_what, edit, code, field) => {
    const param = fresh();
    const storage = param.data;
    const before = Float32Array.from(param.data);
    const e = refusal(() => editParameter(param, edit as never));
    expect(e.code).toBe(code);
    expect(e.details.field).toBe(field);
    expect(param.data).toBe(storage);
    expect(param.data).toEqual(before);
  });

  it('names the caller\'s fields', () => {
    const e = refusal(() => editParameter(fresh(), { index: '1.5', op: 'set', value: 0 }, { index: 'patch.index' }));
    expect(e.details.field).toBe('patch.index');
  });
});

describe('value semantics', () => {
  it('reads a value sharing the parameter\'s storage before writing (w[1:] = w[:-1])', () => {
    const param = new Parameter(Float32Array.from([1, 2, 3, 4]), [4]);
    editParameter(param, { index: '1:', op: 'set', value: new Tensor(param.data.subarray(0, 3), [3]) });
    expect([...param.data]).toEqual([1, 1, 2, 3]);
  });

  it('edits a float64 tensor in double', () => {
    const t = new Tensor(Float64Array.from([1, 2]), [2]);
    editParameter(t, { op: 'div', value: 3 });
    expect([...t.data]).toEqual([1 / 3, 2 / 3]);
  });
});
