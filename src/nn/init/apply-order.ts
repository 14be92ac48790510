import { join, type Module } from '../module.js';

/**
 * The modules `root.apply(fn)` visits, in its order, each with the dotted
 * path it is reached by: post-order over `children()`, which skips None and
 * repeats of a module object within one parent but not across parents, so a
 * module tied under two parents is visited under both paths.
 */
export function applyOrder(root: Module, rootPath = ''): [string, Module][] {
  const out: [string, Module][] = [];
  // Iterative: each frame remembers which of its children it has visited.
  const stack: { path: string; module: Module; kids: [string, Module][]; next: number }[] = [
    { path: rootPath, module: root, kids: [...root.namedChildren()], next: 0 },
  ];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next < top.kids.length) {
      const [name, child] = top.kids[top.next++];
      const path = join(top.path, name);
      stack.push({ path, module: child, kids: [...child.namedChildren()], next: 0 });
    } else {
      stack.pop();
      out.push([top.path, top.module]);
    }
  }
  return out;
}
