import type { Initializer__Output } from '../generated/paramserve/v1/Initializer.js';

/** torch.nn.init keyword arguments that have a typed field in Initializer. test/grpc/mapping.test.ts checks the catalog has no other. */
export const INITIALIZER_KEYWORDS = ['a', 'b', 'mean', 'std', 'val', 'gain', 'sparsity', 'groups', 'mode', 'nonlinearity'] as const;

/** An Initializer as the core's JSON `{name, ...kwargs}` (mixtures recursively): set fields only, so defaults apply as over REST. */
export function initializerIn(i: Initializer__Output): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (i.name !== undefined) out.name = i.name;
  for (const k of INITIALIZER_KEYWORDS) if (i[k] !== undefined) out[k] = i[k];
  if (i.components.length > 0 || i.name === 'mixture')
    out.components = i.components.map((c) => {
      const component: Record<string, unknown> = {};
      if (c.weight !== undefined) component.weight = c.weight;
      if (c.init !== null) component.init = initializerIn(c.init);
      return component;
    });
  return out;
}
