import { describe, expect, it } from 'vitest';
import { formatPythonFloat } from '../../../src/engine/format/index.js';
import { fixture, toNumber } from './fixture.js';

const table = fixture.cases.pyfloat;

describe('formatPythonFloat against Python format()', () => {
  it('has a table of thousands of values with exact ties', () => {
    expect(table.length).toBeGreaterThan(3000);
  });

  for (const spec of ['f', 'e'] as const) {
    for (let p = 0; p <= 6; p++) {
      it(`'.${p}${spec}' matches on every value`, () => {
        const mismatches: string[] = [];
        for (const row of table) {
          const v = toNumber(row.v);
          const got = formatPythonFloat(v, spec, p);
          const want = row[spec][p];
          if (got !== want) mismatches.push(`${String(row.v)}: got ${got}, want ${want}`);
        }
        expect(mismatches.slice(0, 10)).toEqual([]);
      });
    }
  }

  it('rounds exact ties half-to-even where toFixed/toExponential round away from zero', () => {
    expect(formatPythonFloat(0.03125, 'f', 4)).toBe('0.0312');
    expect(formatPythonFloat(-0.03125, 'f', 4)).toBe('-0.0312');
    expect(formatPythonFloat(2.5, 'f', 0)).toBe('2');
    expect(formatPythonFloat(-0.5, 'f', 0)).toBe('-0');
    expect(formatPythonFloat(2.5, 'e', 0)).toBe('2e+00');
    expect(formatPythonFloat(125, 'e', 1)).toBe('1.2e+02');
    expect(formatPythonFloat(123465000, 'e', 4)).toBe('1.2346e+08');
  });

  it('writes Python exponents, signed zeros and non-finite values', () => {
    expect(formatPythonFloat(1e-5, 'e', 4)).toBe('1.0000e-05');
    expect(formatPythonFloat(1e300, 'e', 2)).toBe('1.00e+300');
    expect(formatPythonFloat(-0, 'f', 4)).toBe('-0.0000');
    expect(formatPythonFloat(-0, 'e', 4)).toBe('-0.0000e+00');
    expect(formatPythonFloat(NaN, 'e', 4)).toBe('nan');
    expect(formatPythonFloat(-Infinity, 'f', 4)).toBe('-inf');
    expect(formatPythonFloat(1e22, 'f', 1)).toBe('10000000000000000000000.0');
  });

  it('rejects precisions Python would not take here', () => {
    expect(() => formatPythonFloat(1, 'f', -1)).toThrow(RangeError);
    expect(() => formatPythonFloat(1, 'e', 1.5)).toThrow(RangeError);
  });
});
