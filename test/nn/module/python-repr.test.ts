import { describe, expect, it } from 'vitest';
import { Tensor } from '../../../src/engine/index.js';
import { pythonBool, pythonFloatRepr } from '../../../src/nn/index.js';
import { pythonStrRepr, pythonTypeName } from '../../../src/nn/python-repr.js';
import { cases, toNumber } from './fixture.js';

describe("pythonFloatRepr against Python's repr(float)", () => {
  it(`matches on all ${cases.floatRepr.length} values: specials, powers of ten, boundaries, random doubles and float32s`, () => {
    expect(cases.floatRepr.length).toBeGreaterThan(800);
    const mismatches: string[] = [];
    for (const { v, repr } of cases.floatRepr) {
      const got = pythonFloatRepr(toNumber(v));
      if (got !== repr) mismatches.push(`${repr}: got ${got}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('switches to exponent form below 1e-4 and from 1e16, with two exponent digits at least', () => {
    const want = new Map(cases.floatRepr.map(({ v, repr }) => [toNumber(v), repr]));
    for (const v of [1e-5, 0.0001, 1e16, 9999999999999998, 123456789, 5e-324, -0, 0.1])
      expect(pythonFloatRepr(v)).toBe(want.get(v));
  });
});

describe('other Python spellings', () => {
  it('pythonBool', () => {
    expect([pythonBool(true), pythonBool(false)]).toEqual(['True', 'False']);
  });

  it("pythonTypeName is torch.typename of the value's Python counterpart", () => {
    expect([5, 1.5, 'x', true, null, undefined, [], {}].map(pythonTypeName)).toEqual([
      'int', 'float', 'str', 'bool', 'NoneType', 'NoneType', 'list', 'dict',
    ]);
    expect(pythonTypeName(new Tensor(new Float32Array(1), [1]))).toBe('torch.FloatTensor');
    expect(pythonTypeName(new Tensor(new Float64Array(1), [1]))).toBe('torch.DoubleTensor');
  });

  it(`pythonStrRepr matches repr(str) on ${cases.strRepr.length} strings: quotes, escapes, non-printables, unicode`, () => {
    expect(cases.strRepr.map(({ s }) => pythonStrRepr(s))).toEqual(cases.strRepr.map(({ repr }) => repr));
  });
});
