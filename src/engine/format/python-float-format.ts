/**
 * Python's `'{:.Nf}'` and `'{:.Ne}'` for doubles, exactly.
 *
 * Python rounds the exact binary value half-to-even; `toFixed` / `toExponential`
 * round the exact binary value too, but send ties away from zero. The two can
 * therefore differ only on an exact decimal tie whose away-from-zero result ends
 * in an odd digit. Ties are recognised from the binary value with a few exact
 * double operations, so no path needs BigInt except `'f'` of values >= 1e21.
 *
 * The hot path (tensor repr on every request) avoids even the native calls: it scales by
 * 10^k in one correctly rounded multiply or divide and rounds in JS, which is exact unless
 * the scaled value lies within a few ulps of a rounding midpoint; those go the slow way.
 */

const POW2: number[] = [];
// Tie checks scale by at most 2^(100 + 324 + 1): precision 100 at the smallest subnormal.
for (let i = 0; i <= 425; i++) POW2.push(2 ** i);
// 10^q is exact in a double for q <= 22 (5^22 < 2^53).
const POW10: number[] = [];
for (let i = 0; i <= 22; i++) POW10.push(10 ** i);

// Python writes at least two exponent digits: e-05, e+00, e+100.
const EXP_OFFSET = 400;
const EXP_SUFFIX: string[] = [];
for (let e = -EXP_OFFSET; e <= EXP_OFFSET; e++)
  EXP_SUFFIX.push((e < 0 ? 'e-' : 'e+') + String(Math.abs(e)).padStart(2, '0'));

const MAX_FAST_PRECISION = 8;
const TWO_52 = 2 ** 52;
// A scaled value y carries at most half an ulp (y * 2^-53) of error; stay well clear of that.
const SAFETY = 2 ** -50;

/** Python's `format(v, '.{precision}f')`. */
export function formatFixed(v: number, precision: number): string {
  if (v !== v) return 'nan';
  const negative = v < 0 || (v === 0 && 1 / v < 0);
  const a = negative ? -v : v;
  if (a === Infinity) return negative ? '-inf' : 'inf';
  const fast = precision <= MAX_FAST_PRECISION ? fastFixed(a, precision) : null;
  if (fast !== null) return negative ? '-' + fast : fast;
  let s: string;
  if (a >= 1e21) {
    // toFixed switches to exponent notation here; every such double is an integer.
    s = BigInt(a).toString();
    if (precision > 0) s += '.' + '0'.repeat(precision);
  } else {
    s = a.toFixed(precision);
    if (isOddLastDigit(s, s.length - 1) && isFixedTie(a, precision)) s = decrementAt(s, s.length - 1);
  }
  return negative ? '-' + s : s;
}

/** Python's `format(v, '.{precision}e')`: at least two exponent digits, `nan`, `inf`. */
export function formatExponent(v: number, precision: number): string {
  if (v !== v) return 'nan';
  const negative = v < 0 || (v === 0 && 1 / v < 0);
  const a = negative ? -v : v;
  if (a === Infinity) return negative ? '-inf' : 'inf';
  const fast = precision <= MAX_FAST_PRECISION && a !== 0 ? fastExponent(a, precision) : null;
  if (fast !== null) return negative ? '-' + fast : fast;
  let s = a.toExponential(precision);
  const e = s.indexOf('e');
  // A tie rounded up to 10.00...0 ends in an even digit, so a fix-up never crosses a decade.
  if (isOddLastDigit(s, e - 1) && isExponentTie(a, precision, Number(s.slice(e + 1)))) s = decrementAt(s, e - 1);
  const digits = s.length - e - 2;
  if (digits === 1) s = s.slice(0, e + 2) + '0' + s.slice(e + 2);
  return negative ? '-' + s : s;
}

/** Python's `format(v, '.{precision}{spec}')` for a float. */
export function formatPythonFloat(v: number, spec: 'f' | 'e', precision: number): string {
  if (!Number.isInteger(precision) || precision < 0 || precision > 100)
    throw new RangeError(`precision must be an integer in 0..100, got ${precision}`);
  return spec === 'f' ? formatFixed(v, precision) : formatExponent(v, precision);
}

/**
 * Rounds y (a * 10^k, computed with one rounding) to the nearest integer, or returns -1 when
 * y is too close to a midpoint to know which way the exact product rounds.
 */
function roundScaled(y: number): number {
  const floor = Math.floor(y);
  const frac = y - floor; // exact
  const margin = y * SAFETY;
  if (frac - 0.5 > margin) return floor + 1;
  if (0.5 - frac > margin) return floor;
  return -1;
}

/** An integer n < 2^52 read as having `p` implied decimals, written `whole.frac`. */
function withPoint(n: number, p: number): string {
  if (p === 0) return String(n);
  const scale = POW10[p];
  let whole = Math.floor(n / scale);
  let rest = n - whole * scale; // exact: both are integers below 2^52
  if (rest < 0) {
    // n / scale rounded up to the next integer
    whole--;
    rest += scale;
  }
  return String(whole) + '.' + String(scale + rest).slice(1);
}

function fastFixed(a: number, p: number): string | null {
  const y = a * POW10[p];
  if (!(y < TWO_52)) return null;
  const n = roundScaled(y);
  return n < 0 ? null : withPoint(n, p);
}

function fastExponent(a: number, p: number): string | null {
  // log10 may be off by one next to a power of ten; the range checks below correct that.
  let e = Math.floor(Math.log10(a));
  for (let attempt = 0; attempt < 2; attempt++) {
    const k = p - e;
    if (k > 22 || k < -22) return null;
    const y = k >= 0 ? a * POW10[k] : a / POW10[-k];
    const low = POW10[p];
    if (y < low) {
      e--;
      continue;
    }
    if (y >= low * 10) {
      e++;
      continue;
    }
    let n = roundScaled(y);
    if (n < 0) return null;
    if (n === low * 10) {
      n = low;
      e++;
    }
    return withPoint(n, p) + EXP_SUFFIX[e + EXP_OFFSET];
  }
  return null;
}

function isOddLastDigit(s: string, i: number): boolean {
  return (s.charCodeAt(i) & 1) === 1; // '1' is 0x31
}

/** Turns the away-from-zero rounding of a tie into the even one; the digit is odd, so no borrow. */
function decrementAt(s: string, i: number): string {
  return s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) - 1) + s.slice(i + 1);
}

/**
 * Is a * 10^p exactly halfway between two integers? a * 10^p = a * 2^p * 5^p and 5^p
 * is odd, so that holds exactly when a * 2^(p+1) is an odd integer (the scaling is exact).
 */
function isFixedTie(a: number, p: number): boolean {
  const y = a * POW2[p + 1];
  return Number.isInteger(y) && y % 2 === 1;
}

/** Is a exactly halfway between two p-digit mantissas at decimal exponent e? */
function isExponentTie(a: number, p: number, e: number): boolean {
  const q = e - p;
  if (q <= 0) return isFixedTie(a, -q);
  // a * 2 / 10^q must be an odd integer, so 5^q divides a's odd part, which is < 2^53 < 5^23.
  if (q > 22) return false;
  const twice = a * 2;
  const m = POW10[q];
  if (twice % m !== 0) return false; // % on doubles is exact
  return (twice / m) % 2 === 1; // the quotient is an integer no wider than a's mantissa: exact
}
