import { AppError, type ErrorDetails } from '../errors/index.js';
import { formatSize } from '../engine/index.js';
import type { Module } from './module.js';
import { firstNames, resolveModule, resolveParameter } from './paths.js';
import { ArchitectureLimitError } from './spec/errors.js';

/** A tie PyTorch would allow but the service refuses: different types or shapes, the root, or a module containing itself. */
export class TieError extends AppError {
  constructor(code: 'TIE_MISMATCH' | 'TIE_CYCLE' | 'TIE_ROOT', message: string, details: ErrorDetails = {}) {
    super('INVALID', code, message, details);
  }
}

export interface TieLimits {
  /** Re-checked after a module tie, which can place a large subtree at one more position. */
  maxModules?: number;
}

/** Where a tie landed, both paths spelled with child names (and the parameter's `to` by its first name). */
export interface TieResult {
  path: string;
  to: string;
}

/**
 * PyTorch's `parent[key] = root.get_submodule(toPath)`: `path` becomes the same
 * module object as `toPath`, keeping its position in its parent. Edits and
 * gradients then show through both paths; the replaced module is dropped.
 */
export function tieModule(root: Module, path: string, toPath: string, limits: TieLimits = {}): TieResult {
  const at = resolveModule(root, path);
  const target = resolveModule(root, toPath);
  if (at.parent === null || at.key === null) throw new TieError('TIE_ROOT', 'the root module cannot be tied', { path, field: 'module' });
  const result = { path: at.canonicalPath, to: target.canonicalPath };
  if (at.module === target.module) return result;
  if (reaches(target.module, at.parent)) {
    const parentPath = at.canonicalPath.slice(0, Math.max(0, at.canonicalPath.lastIndexOf('.')));
    throw new TieError(
      'TIE_CYCLE',
      `cannot tie '${result.path}' to '${result.to}': '${result.to}' contains ${parentPath === '' ? 'the root' : `'${parentPath}'`}, which would then contain itself`,
      { path, to: toPath, field: 'to' },
    );
  }
  // After the cycle check: a module containing the tied position can never have the same structure, and "cycle" says why.
  checkSameStructure(at.module, target.module, result);
  const replaced = at.module;
  at.parent.addModule(at.key, target.module);
  if (limits.maxModules !== undefined) {
    const max = limits.maxModules;
    if (countModulePaths(root, max) > max) {
      at.parent.addModule(at.key, replaced);
      throw new ArchitectureLimitError(
        'to',
        `tying '${result.path}' to '${result.to}' would give the model more than ${max} module paths, over the limit maxModules=${max}`,
        'maxModules',
        max,
      );
    }
  }
  return result;
}

/**
 * PyTorch's `owner.weight = root.get_parameter(toPath)`: the module owning
 * `path` holds the Parameter object at `toPath` under the same local name.
 * `named_parameters` then lists it once (under its first path), `state_dict`
 * under both, and its gradient is the sum of both uses.
 */
export function tieParameter(root: Module, path: string, toPath: string): TieResult {
  const from = resolveParameter(root, path);
  const to = resolveParameter(root, toPath);
  if (from.parameter !== to.parameter) {
    const a = from.parameter.shape;
    const b = to.parameter.shape;
    if (a.length !== b.length || a.some((d, i) => d !== b[i]))
      throw new TieError(
        'TIE_MISMATCH',
        `cannot tie '${from.canonicalName}' to '${to.canonicalName}': shapes ${formatSize(a)} and ${formatSize(b)} differ`,
        { path, to: toPath },
      );
    from.owner.registerParameter(from.localName, to.parameter);
  }
  return { path: from.canonicalName, to: firstNames(root).get(to.parameter) ?? to.canonicalName };
}

/**
 * `len(named_modules(remove_duplicate=False))`, counted over the module graph
 * with one count per object, so a model whose ties repeat subtrees many times
 * costs its number of objects, not of paths. Stops counting above `cap`.
 */
export function countModulePaths(root: Module, cap = Number.MAX_SAFE_INTEGER): number {
  const counts = new Map<Module, number>();
  const stack: { module: Module; kids: Module[]; next: number; total: number }[] = [];
  const push = (m: Module) => stack.push({ module: m, kids: [...m.modules_.values()].filter((c): c is Module => c !== null), next: 0, total: 1 });
  push(root);
  let result = 0;
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next < top.kids.length) {
      const kid = top.kids[top.next++];
      const known = counts.get(kid);
      if (known === undefined) push(kid);
      else top.total = Math.min(top.total + known, cap + 1);
      continue;
    }
    stack.pop();
    counts.set(top.module, top.total);
    result = top.total;
    if (stack.length > 0) {
      const parent = stack[stack.length - 1];
      parent.total = Math.min(parent.total + top.total, cap + 1);
    }
  }
  return result;
}

/** Whether `target` is `from` or sits anywhere below it. */
function reaches(from: Module, target: Module): boolean {
  for (const [, m] of from.namedModules()) if (m === target) return true;
  return false;
}

/** Types at every position and every state_dict entry's shape must agree, so the tie cannot change what the model computes with. */
function checkSameStructure(a: Module, b: Module, where: TieResult): void {
  const fail = (why: string) => {
    throw new TieError('TIE_MISMATCH', `cannot tie '${where.path}' to '${where.to}': ${why}`, { path: where.path, to: where.to });
  };
  const typesA = [...a.namedModules({ removeDuplicate: false })];
  const typesB = [...b.namedModules({ removeDuplicate: false })];
  for (let i = 0; i < Math.max(typesA.length, typesB.length); i++) {
    const [pa, ma] = typesA[i] ?? ['', null];
    const [pb, mb] = typesB[i] ?? ['', null];
    if (pa !== pb || ma?.typeName !== mb?.typeName) {
      const show = (p: string, m: Module | null) => (m === null ? 'nothing' : `${m.typeName}${p === '' ? '' : ` at '${p}'`}`);
      fail(`${show(pa, ma)} vs ${show(pb, mb)}`);
    }
  }
  const stateA = [...a.stateDict({ keepVars: true })];
  const stateB = [...b.stateDict({ keepVars: true })];
  for (let i = 0; i < Math.max(stateA.length, stateB.length); i++) {
    const [ka, ta] = stateA[i] ?? ['nothing', null];
    const [kb, tb] = stateB[i] ?? ['nothing', null];
    const sa = ta === null ? '' : formatSize(ta.shape);
    const sb = tb === null ? '' : formatSize(tb.shape);
    if (ka !== kb || sa !== sb) fail(ka === kb ? `${ka} has shape ${sa} vs ${sb}` : `parameter ${ka} vs ${kb}`);
  }
}
