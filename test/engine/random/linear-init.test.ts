import { describe, expect, it } from 'vitest';
import { Generator, rand, uniform_ } from '../../../src/engine/index.js';
import { bitsHash, cases, mismatches } from './fixture.js';

/**
 * nn.Linear.reset_parameters: kaiming_uniform_(weight, a=sqrt(5)) then
 * uniform_(bias, -1/sqrt(in), 1/sqrt(in)), weight drawn before bias. The
 * weight bound follows the double chain of init.py (spec 4.4).
 */
function linearInit(inF: number, outF: number, g: Generator): { weight: Float32Array; bias: Float32Array } {
  const a = Math.sqrt(5);
  const gain = Math.sqrt(2 / (1 + a * a));
  const std = gain / Math.sqrt(inF);
  const bound = Math.sqrt(3) * std;
  const weight = uniform_(new Float32Array(outF * inF), -bound, bound, g);
  const b = 1 / Math.sqrt(inF);
  const bias = uniform_(new Float32Array(outF), -b, b, g);
  return { weight, bias };
}

describe('Linear init draw sequence (bit-exact against torch 1.13)', () => {
  it('a^2 in double is 5.000000000000001, as in init.py', () => {
    expect(Math.sqrt(5) ** 2).toBe(cases.constants.kaimingA2);
  });

  it('manual_seed(0); Sequential(Linear(4,8), ReLU(), Linear(8,1)): every parameter', () => {
    const g = new Generator(0);
    const l0 = linearInit(4, 8, g);
    const l2 = linearInit(8, 1, g);
    const mlp = cases.mlp ?? cases.linear.mlp;
    expect(mismatches(l0.weight, mlp['0.weight'].values)).toBe(0);
    expect(mismatches(l0.bias, mlp['0.bias'].values)).toBe(0);
    expect(mismatches(l2.weight, mlp['2.weight'].values)).toBe(0);
    expect(mismatches(l2.bias, mlp['2.bias'].values)).toBe(0);
    // spec 8.6
    expect(Array.from(l0.weight.subarray(0, 4))).toEqual([
      -0.003743410110473633, 0.26822179555892944, -0.4115225672721863, -0.3679695129394531,
    ]);
  });

  it('manual_seed(0); Linear(784, 256): weight bit hash, ends, whole bias', () => {
    const g = new Generator(0);
    const { weight, bias } = linearInit(784, 256, g);
    const c = cases.linear.linear784x256;
    expect(bitsHash(weight)).toBe(c.weightHash);
    expect(mismatches(weight.subarray(0, 20), c.weightHead)).toBe(0);
    expect(mismatches(weight.subarray(weight.length - 20), c.weightTail)).toBe(0);
    expect(mismatches(bias, c.bias)).toBe(0);
    expect(mismatches(rand([2], g).data, c.after)).toBe(0);
  });
});
