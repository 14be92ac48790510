import type { Module } from '../../../src/nn/index.js';

/**
 * A model's tie structure, independent of object identity: which state_dict
 * keys hold one Parameter object, and which module paths one module object.
 */
export function tieStructure(model: Module): { parameters: string[][]; modules: string[][] } {
  const group = <T>(entries: Iterable<[string, T]>) => {
    const by = new Map<T, string[]>();
    for (const [name, obj] of entries) by.set(obj, [...(by.get(obj) ?? []), name]);
    return [...by.values()].sort((a, b) => a[0].localeCompare(b[0]));
  };
  return { parameters: group(model.stateDict({ keepVars: true })), modules: group(model.namedModules({ removeDuplicate: false })) };
}
