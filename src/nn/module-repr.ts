import type { Module } from './module.js';

/** A module still to print (with what goes before its name on its first line), or a finished line. */
type Pending = { module: Module | null; indent: string; head: string } | string;

/**
 * PyTorch's `Module.__repr__`: extra_repr lines, then one `(key): child` line
 * per registered child (None included, tied modules printed in full under
 * every key); a child's lines after its first are indented two more spaces
 * (`_addindent`).
 *
 * Written as one pass over an explicit stack rather than PyTorch's recursion,
 * which re-indents every child string at every level: that is quadratic in
 * depth and would overflow the call stack on a model a thousand levels deep.
 */
export function moduleRepr(root: Module): string {
  const lines: string[] = [];
  const stack: Pending[] = [{ module: root, indent: '', head: '' }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      lines.push(item);
      continue;
    }
    const { module, indent, head } = item;
    if (module === null) {
      lines.push(`${indent}${head}None`);
      continue;
    }
    const extra = module.extraRepr();
    const extraLines = extra === '' ? [] : extra.split('\n');
    const children = [...module.modules_];
    const open = `${indent}${head}${module.typeName}(`;
    if (children.length === 0 && extraLines.length <= 1) {
      lines.push(`${open}${extraLines[0] ?? ''})`);
      continue;
    }
    lines.push(open);
    const inner = `${indent}  `;
    for (const line of extraLines) lines.push(inner + line);
    stack.push(`${indent})`);
    for (let i = children.length - 1; i >= 0; i--) {
      const [key, child] = children[i];
      stack.push({ module: child, indent: inner, head: `(${key}): ` });
    }
  }
  return lines.join('\n');
}
