import { Tensor } from '../engine/index.js';

/**
 * Python's `repr(float)`: the shortest round-trip digits (as JavaScript's
 * String), laid out the way Python lays them out: scientific below 1e-4 or
 * from 1e16, always with a '.0' or an exponent, `1e-05` not `1e-5`.
 */
export function pythonFloatRepr(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  const [mantissa, expPart] = v.toExponential().split('e');
  const exp = Number(expPart);
  if (exp < -4 || exp >= 16) {
    const sign = exp < 0 ? '-' : '+';
    const e = Math.abs(exp);
    return `${mantissa}e${sign}${e < 10 ? '0' : ''}${e}`;
  }
  // Between 1e-4 and 1e16 JavaScript writes plain digits too, so only the '.0' differs.
  const s = String(v);
  return s.includes('.') ? s : `${s}.0`;
}

/** Python's `repr(bool)`. */
export function pythonBool(b: boolean): string {
  return b ? 'True' : 'False';
}

/**
 * `torch.typename(v)` for the JavaScript value a client could hand us where
 * PyTorch would see the corresponding Python object: a JSON number that is a
 * whole number is Python's `int`, an array a `list`, an object a `dict`.
 */
export function pythonTypeName(v: unknown): string {
  if (v instanceof Tensor) return v.dtype === 'float64' ? 'torch.DoubleTensor' : 'torch.FloatTensor';
  if (v === null || v === undefined) return 'NoneType';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'function') return 'function';
  if (Array.isArray(v)) return 'list';
  return 'dict';
}

/** Python's `str(type(v))` for a non-tensor value, e.g. `<class 'list'>`. */
export function pythonClassRepr(v: unknown): string {
  return `<class '${pythonTypeName(v)}'>`;
}

/** What Python's `str.isprintable()` refuses: control, format, surrogate, private, unassigned and separator characters but the space. */
const NON_PRINTABLE = /[\p{C}\p{Z}]/u;

/**
 * Python's `repr(str)`: single quotes unless the text holds a single quote
 * and no double quote; backslashes, the quote and non-printable characters
 * escaped (`\n`, `\x00`, `\u2028`, `\U000e0001`).
 */
export function pythonStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === ' ' || !NON_PRINTABLE.test(ch)) out += ch;
    else if (code < 0x100) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return out + quote;
}
