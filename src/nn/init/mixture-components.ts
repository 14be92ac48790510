import { fieldIndex, fieldKey, isPlainObject, shown } from '../spec/json-path.js';
import { InvalidInitializerError } from './errors.js';
import type { MixtureComponent } from './initializer-spec.js';
import { invalidField, type KeywordParser } from './keywords.js';
import { MIXTURE_WEIGHT_TOLERANCE } from './mixture.js';

/** At most this many components in one mixture: each costs a full-size draw. */
export const MAX_MIXTURE_COMPONENTS = 16;

/**
 * A mixture's `components`: 1 to 16 `{weight, init}` objects, weights in
 * [0, 1] summing to 1 within 1e-6, each `init` read as a nested initializer
 * one mixture level deeper.
 */
export const mixtureComponents: KeywordParser = (value, field, context) => {
  if (!Array.isArray(value) || value.length === 0) throw invalidField(field, 'a non-empty array of {weight, init}', value);
  if (value.length > MAX_MIXTURE_COMPONENTS)
    throw new InvalidInitializerError(`${field} has ${value.length} components, more than the limit of ${MAX_MIXTURE_COMPONENTS}`, { field });
  const parsed: MixtureComponent[] = value.map((item: unknown, i) => {
    const at = fieldIndex(field, i);
    if (!isPlainObject(item)) throw invalidField(at, 'an object {weight, init}', item);
    for (const key of Object.keys(item))
      if (key !== 'weight' && key !== 'init') throw new InvalidInitializerError(`${fieldKey(at, key)} is not a field of a mixture component`, { field: fieldKey(at, key) });
    const weight = item.weight;
    if (typeof weight !== 'number' || !(weight >= 0 && weight <= 1)) throw invalidField(fieldKey(at, 'weight'), 'a number in [0, 1]', weight);
    return { weight, init: context.parseInitializer(item.init, fieldKey(at, 'init'), context.depth + 1) };
  });
  let sum = 0;
  for (const c of parsed) sum += c.weight;
  if (!(Math.abs(sum - 1) <= MIXTURE_WEIGHT_TOLERANCE))
    throw new InvalidInitializerError(`${field}: the weights must sum to 1 (within ${MIXTURE_WEIGHT_TOLERANCE}), got ${shown(sum)}`, { field });
  return parsed;
};
