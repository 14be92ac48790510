import { dtypeBits } from './dtypes.js';
import { SafetensorsError } from './errors.js';
import type { HeaderEntry } from './header.js';

/**
 * The crate's `Metadata::validate`: sorted by `data_offsets`, the entries must
 * tile `[0, end)` with no gap or overlap, and each must span exactly its
 * shape's bytes. Returns the entries in offset order and the end of the last.
 * Only arithmetic happens here, so a hostile header costs no allocation.
 */
export function validateLayout(entries: readonly HeaderEntry[]): { ordered: HeaderEntry[]; end: number } {
  // Array.prototype.sort is stable, like Rust's sort_by.
  const ordered = [...entries].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let start = 0;
  for (const entry of ordered) {
    const { name, begin, end } = entry;
    if (begin !== start || end < begin) {
      throw new SafetensorsError('InvalidOffset', `invalid offset for tensor \`${name}\``, { tensor: name });
    }
    start = end;
    const bits = entryBits(entry);
    if (bits % 8 !== 0) {
      throw new SafetensorsError(
        'MisalignedSlice',
        `The slice is slicing for subbytes dtypes, and the slice does not end up at a byte boundary, this is invalid. ` +
          `(tensor \`${name}\`: ${entry.dtype} [${entry.shape.join(', ')}] is ${bits} bits)`,
        { tensor: name },
      );
    }
    if (end - begin !== bits / 8) {
      throw new SafetensorsError(
        'TensorInvalidInfo',
        `invalid shape, data type, or offset for tensor (\`${name}\`: ${entry.dtype} [${entry.shape.join(', ')}] ` +
          `is ${bits / 8} bytes, data_offsets [${begin}, ${end}] span ${end - begin})`,
        { tensor: name },
      );
    }
  }
  return { ordered, end: start };
}

/** numel * bits, refused past 2^53 where doubles stop counting exactly (Rust's checked_mul). */
function entryBits(entry: HeaderEntry): number {
  let count = 1;
  for (const d of entry.shape) {
    count *= d;
    if (!Number.isSafeInteger(count)) throw overflow(entry.name);
  }
  const bits = count * dtypeBits(entry.dtype);
  if (!Number.isSafeInteger(bits)) throw overflow(entry.name);
  return bits;
}

function overflow(name: string): SafetensorsError {
  return new SafetensorsError(
    'ValidationOverflow',
    `overflow computing buffer size from shape and/or element type (tensor \`${name}\`)`,
    { tensor: name },
  );
}
