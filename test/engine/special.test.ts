import { describe, expect, it } from 'vitest';
import { erf } from '../../src/engine/kernels/special.js';

describe('erf (GELU) against Python math.erf, to a few ulp', () => {
  it.each([
    [-3.5, -0.9999992569016276],
    [-1.0, -0.8427007929497149],
    [-0.3, -0.3286267594591274],
    [0.0, 0.0],
    [1e-8, 1.1283791670955126e-8],
    [0.5, 0.5204998778130465],
    [2.9, 0.9999589021219005],
    [3.0, 0.9999779095030014],
    [3.1, 0.9999883513426328],
    [6.0, 1.0],
    [30.0, 1.0],
  ])('erf(%f)', (x, expected) => {
    expect(Math.abs(erf(x) - expected)).toBeLessThanOrEqual(1e-15 * Math.max(1e-300, Math.abs(expected)));
  });

  it('is odd and NaN-preserving', () => {
    expect(erf(-0.7)).toBe(-erf(0.7));
    expect(erf(NaN)).toBeNaN();
    expect(erf(Infinity)).toBe(1);
  });
});
