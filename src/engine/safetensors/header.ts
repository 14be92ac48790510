import { SAFETENSORS_DTYPES, isSafetensorsDType, type SafetensorsDType } from './dtypes.js';
import { SafetensorsError } from './errors.js';
import { isWellFormed } from './names.js';

/** One header entry as typed by serde, before any layout check. */
export interface HeaderEntry {
  name: string;
  dtype: SafetensorsDType;
  shape: number[];
  begin: number;
  end: number;
}

export interface ParsedHeader {
  metadata: Record<string, string> | null;
  /** In header order; the layout check sorts them by offset. */
  entries: HeaderEntry[];
}

const METADATA_KEY = '__metadata__';
const ENTRY_FIELDS = ['dtype', 'shape', 'data_offsets'] as const;

/**
 * The header text as the crate deserialises it (`HashMetadata`): an object whose
 * `__metadata__` is a string-to-string map or null, and whose other keys are
 * `TensorInfo`s. Messages follow serde_json's wording so they can be compared
 * with what the Python package reports.
 */
export function parseHeader(text: string): ParsedHeader {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (e) {
    throw invalidJson((e as Error).message);
  }
  if (!isMap(root)) throw invalidJson(`invalid type: ${describe(root)}, expected a map`);

  let metadata: Record<string, string> | null = null;
  const entries: HeaderEntry[] = [];
  for (const [key, value] of Object.entries(root)) {
    checkText(key);
    if (key === METADATA_KEY) metadata = parseMetadata(value);
    else entries.push(parseEntry(key, value));
  }
  return { metadata, entries };
}

function parseMetadata(value: unknown): Record<string, string> | null {
  if (value === null) return null;
  if (!isMap(value)) throw invalidJson(`invalid type: ${describe(value)}, expected a map`);
  const pairs: [string, string][] = [];
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string') throw invalidJson(`invalid type: ${describe(item)}, expected a string`);
    checkText(key);
    checkText(item);
    pairs.push([key, item]);
  }
  // fromEntries defines own properties, so a `__proto__` key stays data.
  return Object.fromEntries(pairs);
}

function parseEntry(name: string, value: unknown): HeaderEntry {
  if (!isMap(value)) throw invalidJson(`invalid type: ${describe(value)}, expected struct TensorInfo`);
  for (const field of ENTRY_FIELDS) {
    if (!Object.hasOwn(value, field)) throw invalidJson(`missing field \`${field}\``);
  }
  const dtype = value.dtype;
  if (typeof dtype !== 'string') throw invalidJson(`invalid type: ${describe(dtype)}, expected a dtype tag`);
  if (!isSafetensorsDType(dtype)) {
    const expected = SAFETENSORS_DTYPES.map((t) => `\`${t}\``).join(', ');
    throw invalidJson(`unknown variant \`${dtype}\`, expected one of ${expected}`);
  }
  const shape = value.shape;
  if (!Array.isArray(shape)) throw invalidJson(`invalid type: ${describe(shape)}, expected a sequence`);
  const offsets = value.data_offsets;
  if (!Array.isArray(offsets)) throw invalidJson(`invalid type: ${describe(offsets)}, expected a tuple of size 2`);
  if (offsets.length !== 2) throw invalidJson(`invalid length ${offsets.length}, expected a tuple of size 2`);

  const dims = shape.map((d) => usize(d));
  for (const d of dims) {
    // A dimension past 2^53 cannot be held exactly, and no buffer we can read is that long.
    if (!Number.isSafeInteger(d)) {
      throw new SafetensorsError(
        'ValidationOverflow',
        `overflow computing buffer size from shape and/or element type: dimension ${d} of tensor \`${name}\` exceeds 2^53 - 1`,
        { tensor: name },
      );
    }
  }
  const begin = usize(offsets[0]);
  const end = usize(offsets[1]);
  if (!Number.isSafeInteger(begin) || !Number.isSafeInteger(end)) {
    throw new SafetensorsError('InvalidOffset', `invalid offset for tensor \`${name}\``, { tensor: name });
  }
  return { name, dtype, shape: dims, begin, end };
}

/** serde's `usize`: a non-negative integer literal. */
function usize(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value)) {
    if (value < 0) throw invalidJson(`invalid value: integer \`${value}\`, expected usize`);
    return value;
  }
  throw invalidJson(`invalid type: ${describe(value)}, expected usize`);
}

function checkText(s: string): void {
  if (!isWellFormed(s)) throw invalidJson('lone surrogate in hex escape');
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** serde's `Unexpected` wording for a JSON value. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'sequence';
  switch (typeof value) {
    case 'number':
      return Number.isInteger(value) ? `integer \`${value}\`` : `floating point \`${value}\``;
    case 'string':
      return `string ${JSON.stringify(value)}`;
    case 'boolean':
      return `boolean \`${value}\``;
    default:
      return 'map';
  }
}

function invalidJson(detail: string): SafetensorsError {
  return new SafetensorsError('InvalidHeaderDeserialization', `invalid JSON in header: ${detail}`);
}
