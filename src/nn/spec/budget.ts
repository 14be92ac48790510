import { ArchitectureLimitError } from './errors.js';
import { label } from './json-path.js';
import type { SpecLimits } from './types.js';

/**
 * Running totals of what a spec would build, checked against the limits as
 * each node is read, so an oversized spec is refused at the first node that
 * goes over, after work proportional to the limits and not to the spec.
 */
export class SpecBudget {
  /** Parameter elements allocated so far (a shared module's once). */
  allocated = 0;

  constructor(readonly limits: SpecLimits) {}

  checkChildren(count: number, field: string): void {
    const max = this.limits.maxChildren;
    if (count > max)
      throw new ArchitectureLimitError(field, `${label(field)} has ${count} layers, over the limit maxChildren=${max}`, 'maxChildren', max);
  }

  checkDepth(depth: number, field: string): void {
    const max = this.limits.maxDepth;
    if (depth > max)
      throw new ArchitectureLimitError(field, `${label(field)} reaches depth ${depth}, over the limit maxDepth=${max}`, 'maxDepth', max);
  }

  /** `total` module paths so far in one tree (the model's, or a shared module's own). */
  checkModules(total: number, field: string): void {
    const max = this.limits.maxModules;
    if (total > max)
      throw new ArchitectureLimitError(
        field,
        `${label(field)}: the model would have more than ${max} module paths (a shared module counts at each of its positions), over the limit maxModules=${max}`,
        'maxModules',
        max,
      );
  }

  /** Adds one module's parameters; shapes may hold any integers, so the exact count is only formed (as a BigInt) for the message. */
  addParameters(shapes: readonly (readonly number[])[], field: string): void {
    const max = this.limits.maxParameters;
    let count = 0;
    for (const shape of shapes) count += shape.reduce((a, b) => a * b, 1);
    if (this.allocated + count <= max) {
      this.allocated += count;
      return;
    }
    let exact = BigInt(this.allocated);
    for (const shape of shapes) exact += shape.reduce((a, b) => a * BigInt(b), 1n);
    throw new ArchitectureLimitError(
      field,
      `${label(field)}: the model would have at least ${exact} parameters, over the limit maxParameters=${max}`,
      'maxParameters',
      max,
    );
  }
}
