import { isPlainObject } from './json-path.js';
import type { SpecLimits } from './types.js';

/**
 * The refs a raw (not yet validated) shared body makes, found by a walk that
 * stops at the limits: it only serves to name a cycle in an error message,
 * and an oversized body is reported by the validation proper.
 */
function refsIn(body: unknown, limits: SpecLimits, visits: { left: number }): Set<string> {
  const refs = new Set<string>();
  const stack: [unknown, number][] = [[body, 0]];
  while (stack.length > 0 && visits.left-- > 0) {
    const [node, depth] = stack.pop()!;
    if (!isPlainObject(node)) continue;
    if (typeof node.ref === 'string' && Object.hasOwn(node, 'ref')) refs.add(node.ref);
    const layers = Object.hasOwn(node, 'layers') ? node.layers : undefined;
    if (Array.isArray(layers) && depth < limits.maxDepth && layers.length <= limits.maxChildren)
      for (const child of layers) stack.push([child, depth + 1]);
  }
  return refs;
}

/** A chain of shared names from `from` back to `to` through refs (`from -> ... -> to`), or null. */
export function findSharedCycle(from: string, to: string, rawShared: ReadonlyMap<string, unknown>, limits: SpecLimits): string[] | null {
  const cameFrom = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  // One budget for the whole search, so naming a cycle costs at most a few times the module limit.
  const visits = { left: 4 * limits.maxModules };
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (name === to) {
      const chain: string[] = [];
      for (let n: string | null = name; n !== null; n = cameFrom.get(n)!) chain.unshift(n);
      return chain;
    }
    for (const next of refsIn(rawShared.get(name), limits, visits)) {
      if (!rawShared.has(next) || cameFrom.has(next)) continue;
      cameFrom.set(next, name);
      queue.push(next);
    }
  }
  return null;
}
