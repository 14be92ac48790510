/**
 * Number formatting and a plain-text table for benchmark reports. Tables are
 * printed as Markdown pipe tables, so a run's output pastes into a closing
 * note or an issue as it is.
 */

/** Seconds as the unit that keeps 3 significant digits readable: ns, µs, ms or s. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  if (seconds < 1e-6) return `${(seconds * 1e9).toPrecision(3)} ns`;
  if (seconds < 1e-3) return `${(seconds * 1e6).toPrecision(3)} µs`;
  if (seconds < 1) return `${(seconds * 1e3).toPrecision(3)} ms`;
  return `${seconds.toPrecision(3)} s`;
}

/** Milliseconds with two decimals below 10 ms (sub-millisecond latencies matter here). */
export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  return ms < 10 ? `${ms.toFixed(2)} ms` : `${ms.toPrecision(3)} ms`;
}

/** A rate (GFLOP/s, requests/s) with thousands kept whole and small values to 3 significant digits. */
export function formatRate(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (value >= 1000) return Math.round(value).toLocaleString('en-US');
  return value.toPrecision(3);
}

/**
 * A ratio as "×N": how many times better the first figure is than the second.
 * Callers pass the two figures so that > 1 always means "paramserve is better".
 */
export function formatRatio(better: number | null, worse: number | null): string {
  if (better === null || worse === null || !Number.isFinite(better) || !Number.isFinite(worse) || worse === 0) return '—';
  const r = better / worse;
  return r >= 10 ? `×${r.toFixed(0)}` : `×${r.toFixed(2)}`;
}

/** A Markdown table with right-aligned numeric columns (every column but the first). */
export function renderTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    '| ' + cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ') + ' |';
  const rule = '|' + widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|';
  return [line(headers), rule, ...rows.map((r) => line(headers.map((_, c) => r[c] ?? '')))].join('\n');
}

/** A heading and a table, with a blank line around them. */
export function printTable(title: string, headers: string[], rows: string[][], notes: string[] = []): void {
  console.log(`\n### ${title}\n`);
  console.log(renderTable(headers, rows));
  for (const note of notes) console.log(`\n${note}`);
}
