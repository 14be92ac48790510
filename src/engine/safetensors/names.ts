/**
 * Orders strings as Rust orders `String`s: by UTF-8 bytes, which is code point
 * order. Plain `<` compares UTF-16 units and puts astral characters (surrogate
 * pairs, D800-DFFF) before U+E000-U+FFFF, which would change the writer's layout.
 */
export function compareNames(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit < 0xe000) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the string has no UTF-8 encoding (a lone surrogate), as no Rust `String` can. */
export function isWellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}
