/**
 * Numbers in error messages. ATen's `TORCH_CHECK` streams doubles through a C++
 * ostream (`%g`, 6 significant digits: `1.23457`, `1e-07`, `nan`), while
 * messages raised from torch's Python layer use `repr` (`1.5`, `1e-07`, `1.0`).
 */

/** C++ `std::ostream << double` with default flags, i.e. printf `%g`. */
export function formatCppDouble(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [mant, expStr] = x.toExponential(5).split('e');
  const exp = Number(expStr);
  if (exp < -4 || exp >= 6) {
    const digits = stripZeros(mant);
    const sign = exp < 0 ? '-' : '+';
    const abs = Math.abs(exp);
    return `${digits}e${sign}${abs < 10 ? '0' : ''}${abs}`;
  }
  return stripZeros(x.toFixed(Math.max(0, 5 - exp)));
}

function stripZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** Python's `repr(float)`: shortest round-trip digits, exponent from 1e16 and below 1e-4. */
export function formatPythonFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(x);
  if (abs >= 1e16 || abs < 1e-4) {
    const [mant, expStr] = x.toExponential().split('e');
    const exp = Number(expStr);
    const absExp = Math.abs(exp);
    return `${mant}e${exp < 0 ? '-' : '+'}${absExp < 10 ? '0' : ''}${absExp}`;
  }
  const s = String(x);
  return s.includes('.') ? s : `${s}.0`;
}
