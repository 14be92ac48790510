/**
 * The nesting and line breaking of `_tensor_str_with_formatter` / `_vector_str`, and the
 * element selection of `get_summarized_data` (torch/_tensor_str.py, default print options).
 */

export const LINE_WIDTH = 80;
export const THRESHOLD = 1000;
const EDGE_ITEMS = 3;

/** Elided dims keep EDGE_ITEMS at each end; a dim is elided only if that drops something. */
function elided(size: number, summarize: boolean): boolean {
  return summarize && size > 2 * EDGE_ITEMS;
}

/**
 * The values torch shows, in display order: all of them, or when summarising the first and
 * last EDGE_ITEMS of every dim longer than 2 * EDGE_ITEMS.
 */
export function shownValues(data: ArrayLike<number>, shape: readonly number[]): Float64Array {
  const out: number[] = [];
  if (shape.length === 0) out.push(data[0]);
  else gather(data, shape, 0, 0, data.length, out);
  return Float64Array.from(out);
}

function gather(data: ArrayLike<number>, shape: readonly number[], dim: number, offset: number, stride: number,
  out: number[]): void {
  const size = shape[dim];
  const inner = stride / size;
  const last = dim === shape.length - 1;
  const cut = elided(size, true);
  for (let i = 0; i < size; i++) {
    if (cut && i === EDGE_ITEMS) i = size - EDGE_ITEMS;
    if (last) out.push(data[offset + i]);
    else gather(data, shape, dim + 1, offset + i * inner, inner, out);
  }
}

/** What one `layout` call threads through its recursion (no per-call closures: this is a hot path). */
interface Cursor {
  readonly strings: readonly string[];
  readonly shape: readonly number[];
  readonly width: number;
  readonly summarize: boolean;
  next: number;
}

/**
 * Lays out pre-formatted element strings (display order, as from `shownValues`) into
 * torch's nested brackets. `indent` is the prefix length, e.g. 7 for `tensor(`.
 */
export function layout(
  strings: readonly string[],
  shape: readonly number[],
  width: number,
  summarize: boolean,
  indent: number,
): string {
  if (shape.length === 0) return strings[0];
  return block({ strings, shape, width, summarize, next: 0 }, 0, indent);
}

function block(c: Cursor, dim: number, indent: number): string {
  const size = c.shape[dim];
  const rank = c.shape.length - dim;
  if (rank === 1) return vector(c, size, indent);
  const separator = (rank === 2 ? ',\n' : ',' + '\n'.repeat(rank - 1)) + spaces(indent + 1);
  const cut = elided(size, c.summarize);
  const count = cut ? 2 * EDGE_ITEMS : size;
  let out = '[';
  for (let i = 0; i < count; i++) {
    if (i > 0) out += separator;
    if (cut && i === EDGE_ITEMS) out += '...' + separator;
    out += block(c, dim + 1, indent + 1);
  }
  return out + ']';
}

function vector(c: Cursor, size: number, indent: number): string {
  const perLine = Math.max(1, Math.floor((LINE_WIDTH - indent) / (c.width + 2)));
  const cut = elided(size, c.summarize);
  const count = cut ? 2 * EDGE_ITEMS + 1 : size;
  const strings = c.strings;
  let next = c.next;
  let out = '[' + strings[next++];
  for (let k = 1; k < count; k++) {
    out += k % perLine === 0 ? ',\n' + spaces(indent + 1) : ', ';
    out += cut && k === EDGE_ITEMS ? ' ...' : strings[next++];
  }
  c.next = next;
  return out + ']';
}

const SPACES = ' '.repeat(128);

function spaces(n: number): string {
  return n <= SPACES.length ? SPACES.slice(0, n) : ' '.repeat(n);
}
