import type { Module } from '../module.js';

/** Where a module came from when a spec's `shared` section declared it. */
export interface SharedOrigin {
  name: string;
  /** Its position in `shared`, which was its construction order. */
  index: number;
}

// A WeakMap rather than a field on Module: the module layer stays unaware of specs, and a dropped model frees its entries.
const origins = new WeakMap<Module, SharedOrigin>();

export function rememberSharedOrigin(module: Module, origin: SharedOrigin): void {
  origins.set(module, origin);
}

/** So `modelToSpec` gives back the name a spec chose, and keeps a shared module shared even where it is placed once. */
export function sharedOriginOf(module: Module): SharedOrigin | undefined {
  return origins.get(module);
}
