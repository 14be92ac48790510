/** JSON paths for error messages and `details.field`: `layers[2].out_features`, `shared["my enc"].type`. */

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function fieldKey(base: string, key: string): string {
  if (IDENTIFIER.test(key)) return base === '' ? key : `${base}.${key}`;
  return `${base}[${JSON.stringify(key)}]`;
}

export function fieldIndex(base: string, index: number): string {
  return `${base}[${index}]`;
}

/** How a field is named at the start of a message; the root node itself is "architecture". */
export function label(field: string): string {
  return field === '' ? 'architecture' : field;
}

/** A short rendering of an offending JSON value for a message. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  let s: string;
  try {
    s = JSON.stringify(value) ?? String(value);
  } catch {
    // Too deep to stringify (JSON nested thousands of levels): Array#toString would recurse just as deep.
    s = Array.isArray(value) ? 'an array' : typeof value === 'object' && value !== null ? 'an object' : typeof value;
  }
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
