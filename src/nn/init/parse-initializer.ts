import { AppError } from '../../errors/index.js';
import { fieldKey, isPlainObject, shown } from '../spec/json-path.js';
import { checkArguments, INITIALIZER_NAMES, INITIALIZERS, isInitializerName } from './catalog.js';
import { InvalidInitializerError, UnknownInitializerError } from './errors.js';
import type { InitializerSpec } from './initializer-spec.js';
import type { KeywordContext } from './keywords.js';

/** Mixtures may contain mixtures, this many levels deep in all. */
export const MAX_MIXTURE_DEPTH = 3;

/**
 * Reads an initializer from untrusted JSON (`{"name": "normal", "std": 0.01}`)
 * into a typed spec with PyTorch's defaults filled in, or throws an AppError
 * whose message starts with the offending field's JSON path (`field` is the
 * path of the object itself, e.g. `weight`): UNKNOWN_INITIALIZER for a name
 * the registry lacks, INVALID_INITIALIZER for anything else (an unknown or
 * missing keyword, a non-finite number, a mixture too deep, or an argument
 * PyTorch itself would refuse for any tensor, such as `uniform` with a > b).
 */
export function parseInitializer(value: unknown, field: string, depth = 0): InitializerSpec {
  if (!isPlainObject(value)) throw new InvalidInitializerError(`${field} must be an object with a "name", got ${shown(value)}`, { field });
  const nameField = fieldKey(field, 'name');
  const name = value.name;
  if (typeof name !== 'string') throw new InvalidInitializerError(`${nameField} must be a string, got ${shown(name)}`, { field: nameField });
  if (!isInitializerName(name))
    throw new UnknownInitializerError(`${nameField}: unknown initializer ${shown(name)}; expected one of ${INITIALIZER_NAMES.join(', ')}`, nameField, name);
  if (name === 'mixture' && depth >= MAX_MIXTURE_DEPTH)
    throw new InvalidInitializerError(`${field}: mixtures can be nested at most ${MAX_MIXTURE_DEPTH} deep`, { field });
  const definition = INITIALIZERS[name];
  for (const key of Object.keys(value)) {
    if (key === 'name' || definition.keywords.some((k) => k.name === key)) continue;
    const at = fieldKey(field, key);
    throw new InvalidInitializerError(`${at}: ${definition.callable} got an unexpected keyword argument '${key}'`, { field: at });
  }
  const context: KeywordContext = { depth, parseInitializer };
  const spec: Record<string, unknown> = { name };
  for (const keyword of definition.keywords) {
    const at = fieldKey(field, keyword.name);
    const given = value[keyword.name];
    if (given !== undefined) spec[keyword.name] = keyword.parse(given, at, context);
    else if ('default' in keyword) spec[keyword.name] = keyword.default;
    else throw new InvalidInitializerError(`${at}: ${definition.callable} missing 1 required positional argument: '${keyword.name}'`, { field: at });
  }
  const parsed = spec as InitializerSpec;
  // The service's parameters are float32; the arguments are checked as PyTorch checks them for such a tensor.
  if (parsed.name !== 'mixture') {
    try {
      checkArguments(parsed, 'float32');
    } catch (e) {
      if (e instanceof AppError) throw new InvalidInitializerError(`${field}: ${e.message}`, { field });
      throw e;
    }
  }
  return parsed;
}
