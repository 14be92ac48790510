/**
 * C99 hexadecimal float literals (`0x1.62e42fefa39efp-1`), so the ported libm
 * constants read exactly as in their C sources. Exact: the mantissa has at
 * most 53 significant bits, and scaling by a power of two does not round.
 */
export function hexFloat(literal: string): number {
  const m = /^(-?)0x([0-9a-f]+)(?:\.([0-9a-f]*))?p([+-]?\d+)$/i.exec(literal);
  if (m === null) throw new Error(`not a hex float literal: ${literal}`);
  const [, sign, whole, fraction = '', exponent] = m;
  const mantissa = Number(BigInt(`0x${whole}${fraction}`));
  const value = mantissa * 2 ** (Number(exponent) - 4 * fraction.length);
  return sign === '-' ? -value : value;
}
