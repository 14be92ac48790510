/**
 * A slow, obviously exact reference for Python's float format: the double's exact decimal
 * expansion in BigInt, rounded half-to-even. Only tests use it.
 */

/** a = digits / 10^scale exactly, for a finite a >= 0. */
function exactDecimal(a: number): { digits: bigint; scale: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, a);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exp2 = (biased === 0 ? 1 : biased) - 1075;
  if (exp2 >= 0) return { digits: mantissa << BigInt(exp2), scale: 0 };
  return { digits: mantissa * 5n ** BigInt(-exp2), scale: -exp2 };
}

/** round(digits / 10^drop), half to even. */
function roundHalfEven(digits: bigint, drop: number): bigint {
  if (drop <= 0) return digits * 10n ** BigInt(-drop);
  const div = 10n ** BigInt(drop);
  const q = digits / div;
  const twice = (digits % div) * 2n;
  if (twice > div || (twice === div && q % 2n === 1n)) return q + 1n;
  return q;
}

function sign(v: number): string {
  return v < 0 || Object.is(v, -0) ? '-' : '';
}

export function referenceFixed(v: number, p: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  const { digits, scale } = exactDecimal(Math.abs(v));
  const s = roundHalfEven(digits, scale - p).toString().padStart(p + 1, '0');
  return sign(v) + (p === 0 ? s : s.slice(0, s.length - p) + '.' + s.slice(s.length - p));
}

export function referenceExponent(v: number, p: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  const { digits, scale } = exactDecimal(Math.abs(v));
  let mantissa = '0'.repeat(p + 1);
  let e = 0;
  if (digits !== 0n) {
    const length = digits.toString().length;
    e = length - 1 - scale;
    let n = roundHalfEven(digits, length - (p + 1));
    if (n.toString().length > p + 1) {
      n /= 10n;
      e++;
    }
    mantissa = n.toString();
  }
  const head = p === 0 ? mantissa : mantissa[0] + '.' + mantissa.slice(1);
  const exp = Math.abs(e).toString().padStart(2, '0');
  return sign(v) + head + (e < 0 ? 'e-' : 'e+') + exp;
}
