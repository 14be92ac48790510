import { InvalidRequestError } from '../../../core/index.js';
import type { Module, Module__Output } from '../generated/paramserve/v1/Module.js';

/**
 * The architecture spec between the proto Module tree and the core's JSON
 * spec, field for field: a field set in the proto is a key in the JSON and
 * the reverse, so the core validates a gRPC spec exactly as a REST one and
 * its errors name the same paths (`architecture.layers[2].out_features`).
 */

/** PyTorch keyword arguments that have a typed field in Module. test/grpc/mapping.test.ts checks the layer catalog has no other. */
export const LAYER_KEYWORDS = ['in_features', 'out_features', 'bias', 'negative_slope', 'approximate', 'dim', 'p', 'start_dim', 'end_dim'] as const;

const NODE_KEYS = new Set<string>(['name', 'type', 'ref', 'layers', 'shared', 'ties', ...LAYER_KEYWORDS]);

export function architectureIn(m: Module__Output, field: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (m.name !== undefined) out.name = m.name;
  if (m.type !== undefined) out.type = m.type;
  if (m.ref !== undefined) out.ref = m.ref;
  for (const k of LAYER_KEYWORDS) if (m[k] !== undefined) out[k] = m[k];
  // An empty repeated field cannot be told from an absent one; a Sequential always has its (maybe empty) list.
  if (m.layers.length > 0 || m.type === 'Sequential') out.layers = m.layers.map((child, i) => architectureIn(child, `${field}.layers[${i}]`));
  if (m.shared.length > 0) {
    const shared: Record<string, unknown> = {};
    m.shared.forEach((entry, i) => {
      if (Object.hasOwn(shared, entry.name))
        throw new InvalidRequestError(`${field}.shared[${i}].name`, `${field}.shared[${i}]: shared module '${entry.name}' is declared twice`, 'INVALID_ARCHITECTURE');
      shared[entry.name] = entry.module === null ? undefined : architectureIn(entry.module, `${field}.shared[${i}].module`);
    });
    out.shared = shared;
  }
  if (m.ties.length > 0) out.ties = m.ties.map((t) => ({ parameter: t.parameter, to: t.to }));
  return out;
}

/** The core's canonical spec (GET {m}) as a Module. A key Module has no field for is a bug: the proto is behind the catalog. */
export function architectureOut(json: unknown): Module {
  const node = json as Record<string, unknown>;
  for (const key of Object.keys(node)) if (!NODE_KEYS.has(key)) throw new Error(`the architecture key '${key}' has no field in paramserve.v1.Module`);
  const out: Module = {};
  for (const key of ['name', 'type', 'ref', ...LAYER_KEYWORDS] as const) {
    const v = node[key];
    if (v !== undefined && v !== null) (out as Record<string, unknown>)[key] = v;
  }
  if (Array.isArray(node.layers)) out.layers = node.layers.map(architectureOut);
  if (node.shared !== undefined) out.shared = Object.entries(node.shared as Record<string, unknown>).map(([name, m]) => ({ name, module: architectureOut(m) }));
  if (Array.isArray(node.ties)) out.ties = node.ties.map((t: { parameter: string; to: string }) => ({ parameter: t.parameter, to: t.to }));
  return out;
}
