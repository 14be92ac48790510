/**
 * Small IEEE-style float formats, decoded exactly (every value fits a float32).
 * `nan` says where a format keeps its NaNs: `ieee` (all-ones exponent, inf when
 * the mantissa is 0), `fn` (only all-ones exponent and mantissa; no inf), or
 * `fnuz` (only the negative-zero pattern; no inf, no -0).
 */
export interface MinifloatFormat {
  exponentBits: number;
  mantissaBits: number;
  bias: number;
  nan: 'ieee' | 'fn' | 'fnuz';
}

export const FLOAT16: MinifloatFormat = { exponentBits: 5, mantissaBits: 10, bias: 15, nan: 'ieee' };
export const FLOAT8_E5M2: MinifloatFormat = { exponentBits: 5, mantissaBits: 2, bias: 15, nan: 'ieee' };
export const FLOAT8_E4M3FN: MinifloatFormat = { exponentBits: 4, mantissaBits: 3, bias: 7, nan: 'fn' };
export const FLOAT8_E4M3FNUZ: MinifloatFormat = { exponentBits: 4, mantissaBits: 3, bias: 8, nan: 'fnuz' };
export const FLOAT8_E5M2FNUZ: MinifloatFormat = { exponentBits: 5, mantissaBits: 2, bias: 16, nan: 'fnuz' };

export function decodeMinifloat(bits: number, f: MinifloatFormat): number {
  const width = 1 + f.exponentBits + f.mantissaBits;
  const negative = bits >>> (width - 1) === 1;
  const maxExponent = (1 << f.exponentBits) - 1;
  const maxMantissa = (1 << f.mantissaBits) - 1;
  const exponent = (bits >>> f.mantissaBits) & maxExponent;
  const mantissa = bits & maxMantissa;
  if (f.nan === 'ieee' && exponent === maxExponent) return mantissa === 0 ? (negative ? -Infinity : Infinity) : NaN;
  if (f.nan === 'fn' && exponent === maxExponent && mantissa === maxMantissa) return NaN;
  if (f.nan === 'fnuz' && negative && exponent === 0 && mantissa === 0) return NaN;
  const magnitude =
    exponent === 0
      ? mantissa * 2 ** (1 - f.bias - f.mantissaBits)
      : (2 ** f.mantissaBits + mantissa) * 2 ** (exponent - f.bias - f.mantissaBits);
  return negative ? -magnitude : magnitude;
}

/** OCP MX scale: an unsigned power of two, 2^(bits - 127), with 0xFF as NaN. */
export function decodeE8M0(bits: number): number {
  return bits === 0xff ? NaN : 2 ** (bits - 127);
}

/** All 256 values of an 8-bit format, so decoding a tensor is one lookup per element. */
export function byteTable(decode: (bits: number) => number): Float64Array {
  const table = new Float64Array(256);
  for (let b = 0; b < 256; b++) table[b] = decode(b);
  return table;
}
