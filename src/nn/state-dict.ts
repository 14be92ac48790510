import { formatSize, noGrad, sameShape, Tensor } from '../engine/index.js';
import type { Module } from './module.js';
import { StateDictError } from './errors.js';
import { pythonClassRepr, pythonStrRepr } from './python-repr.js';

/**
 * What `loadStateDict` accepts. Prefer a Map: a plain object lists
 * integer-like keys ("0", "1") before the others, whatever order they were
 * written in, and the order of unexpected keys in messages follows the input.
 */
export type StateDictInput = ReadonlyMap<string, unknown> | Readonly<Record<string, unknown>>;

/** PyTorch's `_IncompatibleKeys`. */
export interface IncompatibleKeys {
  missingKeys: string[];
  unexpectedKeys: string[];
}

/** `repr(_IncompatibleKeys)`. */
export function incompatibleKeysRepr(keys: IncompatibleKeys): string {
  if (keys.missingKeys.length === 0 && keys.unexpectedKeys.length === 0) return '<All keys matched successfully>';
  const list = (xs: string[]) => `[${xs.map(pythonStrRepr).join(', ')}]`;
  return `_IncompatibleKeys(missing_keys=${list(keys.missingKeys)}, unexpected_keys=${list(keys.unexpectedKeys)})`;
}

/** The tensors one module saves and loads itself: parameters, then persistent buffers, None skipped. */
function localState(m: Module): Map<string, Tensor> {
  const out = new Map<string, Tensor>();
  for (const [name, p] of m.parameters_) if (p !== null) out.set(name, p);
  for (const [name, b] of m.buffers_) if (b !== null && !m.nonPersistentBuffers_.has(name)) out.set(name, b);
  return out;
}

/** Non-null children in registration order, tied ones at each of their keys. */
function childEntries(m: Module): [string, Module][] {
  const out: [string, Module][] = [];
  for (const [name, child] of m.modules_) if (child !== null) out.push([name, child]);
  return out;
}

/**
 * PyTorch's `state_dict(prefix, keep_vars)`: pre-order, a module's own
 * tensors before its children's, no de-duplication (a tied module or
 * parameter appears under each of its keys). Values are detached aliases
 * sharing the parameters' storage, or the parameters themselves with keepVars.
 */
export function collectStateDict(root: Module, prefix: string, keepVars: boolean): Map<string, Tensor> {
  const out = new Map<string, Tensor>();
  const stack: [string, Module][] = [[prefix, root]];
  while (stack.length > 0) {
    const [at, m] = stack.pop()!;
    for (const [name, t] of localState(m)) out.set(at + name, keepVars ? t : t.detach());
    const children = childEntries(m);
    for (let i = children.length - 1; i >= 0; i--) stack.push([`${at}${children[i][0]}.`, children[i][1]]);
  }
  return out;
}

/** The key PyTorch reserves for `get_extra_state`; no module here has extra state, so it is always unexpected. */
const EXTRA_STATE = '_extra_state';

const quoted = (keys: string[]) => keys.map((k) => `"${k}"`).join(', ');

/**
 * PyTorch 1.13's `load_state_dict`: every problem is collected first
 * (missing, unexpected, size mismatch, non-tensor value), then one error
 * lists them all, worded and ordered as PyTorch words and orders them. Missing
 * and unexpected keys are collected even when not strict, and returned;
 * mismatches fail either way. Tied modules are visited under every path, so
 * the last key wins.
 *
 * Unlike PyTorch, nothing is copied unless the whole load succeeds: a
 * service must not leave a model half-loaded behind an error.
 */
export function loadStateDictInto(root: Module, input: StateDictInput, strict: boolean): IncompatibleKeys {
  const given = asMap(input);
  const missingKeys: string[] = [];
  const unexpectedKeys: string[] = [];
  const errors: string[] = [];
  const copies: [Tensor, Tensor][] = [];

  // Each frame carries the input keys under its prefix, as PyTorch hands each child a filtered dict.
  const stack: [string, Module, string[]][] = [['', root, [...given.keys()]]];
  while (stack.length > 0) {
    const [prefix, m, keys] = stack.pop()!;
    const locals = localState(m);
    for (const [name, target] of locals) {
      const key = prefix + name;
      if (!given.has(key)) {
        missingKeys.push(key);
        continue;
      }
      const value = checkedValue(key, given.get(key), target, errors);
      if (value !== null) copies.push([target, value]);
    }

    // Keys are only measured and cut, never rebuilt from the prefix: on a model thousands of levels
    // deep, hashing `prefix + '_extra_state'` at every level would cost the square of the depth.
    let extraKey: string | null = null;
    const unexpectedHere: string[] = [];
    const byChild = new Map<string, string[]>();
    for (const key of keys) {
      if (key.length === prefix.length + EXTRA_STATE.length && key.endsWith(EXTRA_STATE)) {
        extraKey = key;
        continue;
      }
      // Every key here starts with the prefix; only the next atom is cut out.
      const dot = key.indexOf('.', prefix.length);
      const first = key.slice(prefix.length, dot === -1 ? key.length : dot);
      if (!m.modules_.has(first) && !locals.has(first)) unexpectedHere.push(key);
      else if (dot !== -1) {
        const list = byChild.get(first);
        if (list === undefined) byChild.set(first, [key]);
        else list.push(key);
      }
    }
    if (extraKey !== null) unexpectedKeys.push(extraKey);
    unexpectedKeys.push(...unexpectedHere);
    const children = childEntries(m);
    for (let i = children.length - 1; i >= 0; i--) {
      const [name, child] = children[i];
      stack.push([`${prefix}${name}.`, child, byChild.get(name) ?? []]);
    }
  }

  if (strict) {
    if (unexpectedKeys.length > 0) errors.unshift(`Unexpected key(s) in state_dict: ${quoted(unexpectedKeys)}. `);
    if (missingKeys.length > 0) errors.unshift(`Missing key(s) in state_dict: ${quoted(missingKeys)}. `);
  }
  if (errors.length > 0)
    throw new StateDictError(`Error(s) in loading state_dict for ${root.typeName}:\n\t${errors.join('\n\t')}`, {
      missingKeys,
      unexpectedKeys,
      errors,
    });
  noGrad(() => {
    // Float32Array.set rounds float64 input to nearest-even, as `copy_` casts.
    for (const [target, value] of copies) target.data.set(value.data);
  });
  return { missingKeys, unexpectedKeys };
}

function asMap(input: StateDictInput): ReadonlyMap<string, unknown> {
  if (input instanceof Map) return input;
  if (input === null || typeof input !== 'object' || Array.isArray(input) || input instanceof Tensor)
    throw new StateDictError(`Expected state_dict to be dict-like, got ${pythonClassRepr(input)}.`, {}, 'INVALID_STATE_DICT');
  return new Map(Object.entries(input));
}

/** The value to copy into `target`, or null after recording why it cannot be. */
function checkedValue(key: string, raw: unknown, target: Tensor, errors: string[]): Tensor | null {
  if (!(raw instanceof Tensor)) {
    errors.push(
      `While copying the parameter named "${key}", expected torch.Tensor or Tensor-like object from checkpoint but received ${pythonClassRepr(raw)}`,
    );
    return null;
  }
  let value = raw;
  // PyTorch's backward compatibility with 0.3 checkpoints: a 0-d parameter takes a 1-d input's
  // element. 1.13 takes element 0 of any length (and throws on an empty one); like 2.x we take it
  // only from a 1-element input and report anything longer as a size mismatch.
  if (target.ndim === 0 && value.ndim === 1 && value.shape[0] === 1) value = new Tensor(value.data, []);
  if (!sameShape(value.shape, target.shape)) {
    errors.push(
      `size mismatch for ${key}: copying a param with shape ${formatSize(value.shape)} from checkpoint, the shape in current model is ${formatSize(target.shape)}.`,
    );
    return null;
  }
  return value;
}
