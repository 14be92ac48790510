import type { Tensor } from '../../engine/index.js';
import { NnArgumentError } from '../errors.js';
import { shown } from '../spec/json-path.js';
import { Adam, AdamW, type AdamOptions } from './adam.js';
import { SGD, type SgdOptions } from './sgd.js';
import type { Optimizer } from './optimizer.js';

type Kind = 'number' | 'boolean' | 'betas';

/** Each optimizer's keyword arguments (PyTorch's names) and what they must hold. */
const KEYWORDS: Record<'SGD' | 'Adam' | 'AdamW', Record<string, Kind>> = {
  SGD: { lr: 'number', momentum: 'number', dampening: 'number', weight_decay: 'number', nesterov: 'boolean', maximize: 'boolean' },
  Adam: { lr: 'number', betas: 'betas', eps: 'number', weight_decay: 'number', amsgrad: 'boolean', maximize: 'boolean' },
  AdamW: { lr: 'number', betas: 'betas', eps: 'number', weight_decay: 'number', amsgrad: 'boolean', maximize: 'boolean' },
};

export const OPTIMIZER_NAMES = Object.keys(KEYWORDS) as readonly (keyof typeof KEYWORDS)[];

function fits(value: unknown, kind: Kind): boolean {
  if (kind === 'betas') return Array.isArray(value) && value.length === 2 && value.every((b) => typeof b === 'number');
  return typeof value === kind;
}

const DESCRIBE: Record<Kind, string> = { number: 'a number', boolean: 'a boolean', betas: 'a pair of numbers' };

/**
 * An optimizer from its PyTorch class name (`SGD`, `Adam`, `AdamW`; any case)
 * and keyword arguments, as a request carries them. Unknown names, unknown
 * keywords and ill-typed values are refused naming `field` (and the keyword);
 * the optimizer then checks the values themselves with PyTorch's messages.
 */
export function createOptimizer(name: string, params: Iterable<Tensor>, kwargs: Record<string, unknown> = {}, field = 'optimizer'): Optimizer {
  const type = OPTIMIZER_NAMES.find((n) => n.toLowerCase() === String(name).toLowerCase());
  if (type === undefined)
    throw new NnArgumentError(`${field}: unknown optimizer ${JSON.stringify(name)}, expected one of ${OPTIMIZER_NAMES.join(', ')}`, 'UNKNOWN_OPTIMIZER', { field });
  const allowed = KEYWORDS[type];
  for (const [key, value] of Object.entries(kwargs)) {
    const kind = Object.hasOwn(allowed, key) ? allowed[key] : undefined;
    if (kind === undefined)
      throw new NnArgumentError(`${type}.__init__() got an unexpected keyword argument '${key}'`, 'INVALID_ARGUMENT', { field: `${field}.${key}` });
    if (value !== undefined && !fits(value, kind))
      throw new NnArgumentError(`${field}.${key}: expected ${DESCRIBE[kind]}, got ${shown(value)}`, 'INVALID_ARGUMENT', { field: `${field}.${key}` });
  }
  try {
    if (type === 'SGD') return new SGD(params, kwargs as SgdOptions);
    return type === 'Adam' ? new Adam(params, kwargs as AdamOptions) : new AdamW(params, kwargs as AdamOptions);
  } catch (e) {
    if (e instanceof NnArgumentError && typeof e.details.field === 'string' && Object.hasOwn(allowed, e.details.field))
      throw new NnArgumentError(e.message, e.code, { ...e.details, field: `${field}.${e.details.field}` });
    throw e;
  }
}
