import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitGemm } from '../../../src/engine/kernels/fast/split.js';

describe('splitGemm', () => {
  it('covers C exactly once with slabs of whole tiles, at most one per thread', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 8 }), fc.constantFrom(4, 6), (m, n, parts, mr) => {
        const nr = 8;
        const slabs = splitGemm(m, n, parts, mr, nr);
        expect(slabs.length).toBeGreaterThanOrEqual(1);
        expect(slabs.length).toBeLessThanOrEqual(parts);
        const byCols = n >= m;
        let next = 0;
        for (const s of slabs) {
          // Slabs run along the longer side, side by side, in order, each non-empty.
          if (byCols) {
            expect([s.i0, s.rows]).toEqual([0, m]);
            expect(s.j0).toBe(next);
            expect(s.cols).toBeGreaterThan(0);
            next += s.cols;
            if (next < n) expect(s.cols % nr).toBe(0);
          } else {
            expect([s.j0, s.cols]).toEqual([0, n]);
            expect(s.i0).toBe(next);
            expect(s.rows).toBeGreaterThan(0);
            next += s.rows;
            if (next < m) expect(s.rows % mr).toBe(0);
          }
        }
        expect(next).toBe(byCols ? n : m);
      }),
    );
  });

  it('balances the tiles: slab sizes differ by at most one tile', () => {
    const slabs = splitGemm(128, 1024, 2, 6, 8);
    expect(slabs.map((s) => s.cols)).toEqual([512, 512]);
    const uneven = splitGemm(100, 6, 3, 6, 8).map((s) => s.rows);
    expect(Math.max(...uneven) - Math.min(...uneven)).toBeLessThanOrEqual(6);
  });

  it('uses fewer slabs than threads when there are fewer tiles', () => {
    expect(splitGemm(3, 8, 4, 6, 8)).toEqual([{ i0: 0, rows: 3, j0: 0, cols: 8 }]);
  });
});
