import { shown } from '../spec/json-path.js';
import type { InitializerSpec } from './initializer-spec.js';
import { InvalidInitializerError } from './errors.js';
import { checkFanMode } from './fan.js';
import { NONLINEARITIES } from './gain.js';

/** What a keyword parser may need besides the value: how deep in mixtures it is, and how to read a nested initializer. */
export interface KeywordContext {
  depth: number;
  parseInitializer(value: unknown, field: string, depth: number): InitializerSpec;
}

/** Checks one keyword's JSON value and returns it typed; `field` is its JSON path. */
export type KeywordParser = (value: unknown, field: string, context: KeywordContext) => unknown;

export interface Keyword {
  /** PyTorch's keyword argument name. */
  name: string;
  /** PyTorch's default; absent for a required argument. */
  default?: unknown;
  parse: KeywordParser;
}

export const invalidField = (field: string, what: string, value: unknown): InvalidInitializerError =>
  new InvalidInitializerError(`${field} must be ${what}, got ${shown(value)}`, { field });

/** A PyTorch message about one field, prefixed with the field's path. */
export const fieldError = (field: string, message: string): InvalidInitializerError =>
  new InvalidInitializerError(`${field}: ${message}`, { field });

export const finiteNumber: KeywordParser = (value, field) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidField(field, 'a finite number', value);
  return value;
};

export const positiveInteger: KeywordParser = (value, field) => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw invalidField(field, 'a positive integer', value);
  return value;
};

/** Stricter than PyTorch, which slices with a negative count (keeping rows) and clips a count over `rows`. */
export const fraction: KeywordParser = (value, field) => {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw invalidField(field, 'a number in [0, 1]', value);
  return value;
};

/** `fan_in` / `fan_out` in any case (stored lower-cased), refused with `_calculate_correct_fan`'s words. */
export const fanMode: KeywordParser = (value, field) => {
  if (typeof value !== 'string') throw invalidField(field, 'a string', value);
  try {
    return checkFanMode(value);
  } catch (e) {
    if (e instanceof InvalidInitializerError) throw fieldError(field, e.message);
    throw e;
  }
};

/** A name of `calculate_gain`'s table (case-sensitive, as PyTorch's). */
export const nonlinearity: KeywordParser = (value, field) => {
  if (typeof value !== 'string') throw invalidField(field, 'a string', value);
  if (!NONLINEARITIES.includes(value)) throw fieldError(field, `Unsupported nonlinearity ${value}`);
  return value;
};
