import type { Module } from './module.js';
import type { Parameter } from './parameter.js';
import { ModuleNotFoundError, ParameterNotFoundError } from './errors.js';

/** A position as Python writes an int: no sign on zero, no leading zeros, no '+'. */
const POSITION = /^(0|-?[1-9]\d{0,8})$/;

/**
 * One step down: a child by name, else by position (`seq[i]`, negative from
 * the end), as the service's paths allow. A name always wins over a position,
 * so `OrderedDict([('1', a), ('0', b)])` resolves `1` to `a`.
 */
function step(parent: Module, segment: string, path: string): [string, Module] {
  let key: string | undefined = parent.modules_.has(segment) ? segment : undefined;
  if (key === undefined && POSITION.test(segment)) {
    const keys = [...parent.modules_.keys()];
    const i = Number(segment);
    if (i >= -keys.length && i < keys.length) key = keys[i < 0 ? i + keys.length : i];
  }
  if (key === undefined) {
    // Worded as get_submodule words it: an attribute that is no module vs. no such attribute.
    if (parent.hasAttribute(segment)) throw new ModuleNotFoundError(`\`${segment}\` is not an nn.Module`, path);
    throw new ModuleNotFoundError(`${parent.typeName} has no attribute \`${segment}\``, path);
  }
  const child = parent.modules_.get(key)!;
  if (child === null) throw new ModuleNotFoundError(`\`${key}\` is not an nn.Module`, path);
  return [key, child];
}

export interface ResolvedModule {
  module: Module;
  /** The path spelled with child names (`0.block 1`), whatever alias was given (`0.1`, `-2`). */
  canonicalPath: string;
  parent: Module | null;
  /** The key under which `module` sits in `parent`. */
  key: string | null;
}

/**
 * A dotted module path where every segment is a child name or a position:
 * `0.block 1` and `0.1` name the same module. The empty path is the root.
 * A tied module answers under the path it was reached by.
 */
export function resolveModule(root: Module, path: string): ResolvedModule {
  if (path === '') return { module: root, canonicalPath: '', parent: null, key: null };
  let mod = root;
  let parent: Module | null = null;
  let key: string | null = null;
  const canonical: string[] = [];
  for (const segment of path.split('.')) {
    parent = mod;
    [key, mod] = step(mod, segment, path);
    canonical.push(key);
  }
  return { module: mod, canonicalPath: canonical.join('.'), parent, key };
}

export interface ResolvedParameter {
  parameter: Parameter;
  /** The requested path with module aliases spelled as names (`0.block 1.0.bias`). */
  canonicalName: string;
  owner: Module;
  localName: string;
}

/** A dotted parameter path: a module path (names or positions), then the parameter's own name. */
export function resolveParameter(root: Module, path: string): ResolvedParameter {
  const dot = path.lastIndexOf('.');
  const modulePath = dot === -1 ? '' : path.slice(0, dot);
  const localName = path.slice(dot + 1);
  let owner: ResolvedModule;
  try {
    owner = resolveModule(root, modulePath);
  } catch (e) {
    if (e instanceof ModuleNotFoundError) throw new ParameterNotFoundError(e.message, path);
    throw e;
  }
  const module = owner.module;
  const p = module.parameters_.get(localName);
  if (p === undefined || p === null) {
    const what = module.hasAttribute(localName)
      ? `\`${localName}\` is not an nn.Parameter`
      : `${module.typeName} has no attribute \`${localName}\``;
    throw new ParameterNotFoundError(what, path);
  }
  const canonicalName = owner.canonicalPath === '' ? localName : `${owner.canonicalPath}.${localName}`;
  return { parameter: p, canonicalName, owner: module, localName };
}

/** Each parameter object's first name in `named_parameters` order: the name a tied alias is reported as tied to. */
export function firstNames(root: Module): Map<Parameter, string> {
  const out = new Map<Parameter, string>();
  for (const [name, p] of root.namedParameters()) out.set(p, name);
  return out;
}
