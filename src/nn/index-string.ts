/**
 * PyTorch basic-index strings (`:`, `0, 0`, `1:3, ::2`, `..., 1`), parsed by a
 * small hand-written scanner: the text is never evaluated, and anything that
 * is not an integer, a slice or one ellipsis is refused.
 */
import { basicIndexRegion, TensorIndexError, type IndexSelector, type Region, type Shape } from '../engine/index.js';
import { AppError } from '../errors/index.js';
import { NnArgumentError } from './errors.js';

export type { IndexSelector, Region as IndexRegion };

export interface ParsedIndex {
  readonly selectors: readonly IndexSelector[];
  /**
   * Whether Python would see a tuple (`0,` or `0, 1` or the empty index)
   * rather than one bare item (`0`). Only 0-d tensors tell them apart.
   */
  readonly tuple: boolean;
}

/** Longer strings are refused before scanning: no real index of a small tensor needs more. */
export const MAX_INDEX_LENGTH = 256;
/** 15 digits stay exact in a double; a longer integer cannot be a meaningful position. */
const MAX_DIGITS = 15;
const INTEGER = /^([+-]?)[ \t]*(\d+)$/;
const VALID = 'only integers, slices (`:`) and ellipsis (`...`) are valid indices';

function invalid(field: string, message: string): NnArgumentError {
  return new NnArgumentError(`${field}: ${message}`, 'INVALID_INDEX', { field });
}

/** An item quoted for a message, cut short so a hostile string cannot flood a log line. */
function quote(item: string): string {
  return JSON.stringify(item.length > 32 ? `${item.slice(0, 32)}…` : item);
}

function parseInteger(text: string, field: string): number {
  const m = INTEGER.exec(text);
  if (m === null) {
    const what = /^(None|True|False)$/.test(text) ? `${text} is not supported` : VALID;
    throw invalid(field, `invalid index item ${quote(text)}: ${what}`);
  }
  const digits = m[2];
  if (digits.length > 1 && /^0+[1-9]/.test(digits))
    throw invalid(field, `invalid index item ${quote(text)}: leading zeros in decimal integer literals are not permitted`);
  if (digits.replace(/^0+(?=\d)/, '').length > MAX_DIGITS)
    throw invalid(field, `index ${quote(text)} is too large`);
  const n = Number(digits);
  return m[1] === '-' ? -n : n;
}

function parseBound(text: string, field: string): number | null {
  const t = text.trim();
  return t === '' ? null : parseInteger(t, field);
}

function parseItem(item: string, field: string): IndexSelector {
  if (item === '...') return { kind: 'ellipsis' };
  if (!item.includes(':')) return { kind: 'index', index: parseInteger(item, field) };
  const parts = item.split(':');
  if (parts.length > 3) throw invalid(field, `invalid slice ${quote(item)}: at most start:stop:step`);
  const step = parts.length === 3 ? parseBound(parts[2], field) : null;
  // Python's own words for these two, raised when the slice is applied.
  if (step === 0) throw invalid(field, 'slice step cannot be zero');
  if (step !== null && step < 0) throw invalid(field, 'step must be greater than zero');
  return { kind: 'slice', start: parseBound(parts[0], field), stop: parseBound(parts[1], field), step };
}

/**
 * Parses a basic-index string. The empty string is the whole tensor, a
 * trailing comma is allowed (`0,` is the tuple `(0,)`), whitespace between
 * tokens is ignored.
 */
export function parseIndex(text: string, field = 'index'): ParsedIndex {
  if (typeof text !== 'string') throw invalid(field, `expected a string, got ${typeof text}`);
  if (text.length > MAX_INDEX_LENGTH)
    throw invalid(field, `index string is too long (${text.length} characters, at most ${MAX_INDEX_LENGTH})`);
  const body = text.trim();
  if (body === '') return { selectors: [], tuple: true };
  const items = body.split(',').map((s) => s.trim());
  const tuple = items.length > 1;
  if (tuple && items[items.length - 1] === '') items.pop();
  const selectors: IndexSelector[] = [];
  let ellipses = 0;
  for (let i = 0; i < items.length; i++) {
    if (items[i] === '') throw invalid(field, `empty item at position ${i}`);
    const s = parseItem(items[i], field);
    if (s.kind === 'ellipsis' && ++ellipses > 1) throw invalid(field, "an index can only have a single ellipsis ('...')");
    selectors.push(s);
  }
  return { selectors, tuple };
}

/**
 * The region an index selects in a tensor of `shape`, with PyTorch's checks and
 * messages (the engine's `basicIndexRegion`). A refusal names the field and
 * carries INDEX_OUT_OF_RANGE, whatever finer code the engine uses.
 */
export function resolveIndex(shape: Shape, index: ParsedIndex | readonly IndexSelector[], field = 'index'): Region {
  const parsed: ParsedIndex = 'selectors' in index ? index : { selectors: index, tuple: index.length !== 1 };
  const only = parsed.selectors[0];
  // ATen's applySelect keeps its 0-dim message for index 0; any other integer is out of bounds of a size-0 dim.
  if (shape.length === 0 && !parsed.tuple && only?.kind === 'index' && only.index !== 0)
    throw new TensorIndexError(`index ${only.index} is out of bounds for dimension 0 with size 0`, 'INDEX_OUT_OF_RANGE', { field });
  try {
    return basicIndexRegion(shape, parsed.selectors, { tuple: parsed.tuple });
  } catch (e) {
    if (e instanceof TensorIndexError) throw new TensorIndexError(e.message, 'INDEX_OUT_OF_RANGE', { ...e.details, field });
    if (e instanceof AppError) throw new NnArgumentError(e.message, 'INVALID_INDEX', { ...e.details, field });
    throw e;
  }
}
