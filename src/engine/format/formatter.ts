import { formatExponent, formatFixed } from './python-float-format.js';

/** torch's default print options (`torch/_tensor_str.py` PRINT_OPTS). */
export const PRECISION = 4;

/** The element strings, padded to one width, as torch's `_Formatter` would print them. */
export interface FormattedElements {
  readonly strings: string[];
  /** `_Formatter.max_width`: the widest non-zero finite value; wider nan/inf/-0 strings overflow it. */
  readonly width: number;
}

const enum Mode {
  Int,
  Fixed,
  Sci,
}

/**
 * Port of `_Formatter` for float dtypes. `values` are exactly the values torch shows
 * (the summarised ones when summarising), because the mode and width depend only on them.
 * Each value is formatted once and padded in place.
 */
export function formatElements(values: ArrayLike<number>): FormattedElements {
  const n = values.length;
  // Zeros, nan and inf do not take part in choosing the mode or the width.
  let min = Infinity;
  let max = 0;
  let intMode = true;
  let any = false;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === 0 || v - v !== 0) continue; // v - v is NaN for nan and +-inf
    any = true;
    const a = v < 0 ? -v : v;
    if (a < min) min = a;
    if (a > max) max = a;
    if (intMode && v !== Math.ceil(v)) intMode = false;
  }

  let mode = Mode.Int;
  if (any) {
    const wide = max / min > 1000 || max > 1e8;
    if (intMode) mode = wide ? Mode.Sci : Mode.Int;
    else mode = wide || min < 1e-4 ? Mode.Sci : Mode.Fixed;
  }

  const strings = new Array<string>(n);
  let width = 1;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const s = format(v, mode);
    strings[i] = s;
    if (v !== 0 && v - v === 0 && s.length > width) width = s.length;
  }
  for (let i = 0; i < n; i++) {
    const s = strings[i];
    if (s.length < width) strings[i] = pad(s, width);
  }
  return { strings, width };
}

function format(v: number, mode: Mode): string {
  if (mode === Mode.Fixed) return formatFixed(v, PRECISION);
  if (mode === Mode.Sci) return formatExponent(v, PRECISION);
  // Int mode marks finite values with '.' so the float dtype stays visible.
  const s = formatFixed(v, 0);
  return v - v === 0 ? s + '.' : s;
}

const SPACES = ' '.repeat(64);

function pad(s: string, width: number): string {
  const k = width - s.length;
  return (k <= SPACES.length ? SPACES.slice(0, k) : ' '.repeat(k)) + s;
}
