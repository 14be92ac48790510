/** One part of C = op(A)·op(B): rows [i0, i0+rows) × columns [j0, j0+cols). */
export interface GemmPart {
  i0: number;
  rows: number;
  j0: number;
  cols: number;
}

/**
 * Splits an m×n product into at most `parts` slabs of whole micro-kernel
 * tiles, as even as the tiles allow. It cuts along the longer side: cutting
 * columns makes every thread pack all of op(A) (m×k) and cutting rows all of
 * op(B) (k×n), so the longer side is the one whose duplicate packing is the
 * smaller one.
 */
export function splitGemm(m: number, n: number, parts: number, tileRows: number, tileCols: number): GemmPart[] {
  const byCols = n >= m;
  const length = byCols ? n : m;
  const tile = byCols ? tileCols : tileRows;
  const tiles = Math.ceil(length / tile);
  const count = Math.max(1, Math.min(parts, tiles));
  const out: GemmPart[] = [];
  let start = 0;
  for (let p = 0; p < count; p++) {
    const end = Math.min(length, Math.round((tiles * (p + 1)) / count) * tile);
    if (end > start) out.push(byCols ? { i0: 0, rows: m, j0: start, cols: end - start } : { i0: start, rows: end - start, j0: 0, cols: n });
    start = end;
  }
  return out;
}
