import { isUtf8 } from 'node:buffer';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { InvalidArgumentError } from '../../core/index.js';

/**
 * The JSON body parser: fastify's own (with its `__proto__` / `constructor`
 * poisoning checks), behind two checks of its input that fastify does not make.
 *
 * - The bytes must be UTF-8. Fastify decodes leniently, so invalid bytes would
 *   become U+FFFD and a name sent as garbage would be stored as another name.
 * - A number literal must fit a double. `JSON.parse` turns `1e999` into
 *   Infinity silently; on this wire non-finite values are the strings "NaN",
 *   "Infinity", "-Infinity", so such a literal is refused, naming its field.
 *   (Finite doubles beyond float32 become ±inf in a tensor, as in PyTorch.)
 */
export function registerJsonBodyParser(app: FastifyInstance, bodyLimit: number): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit }, (req: FastifyRequest, raw: Buffer, done) => {
    if (!isUtf8(raw)) return done(new InvalidArgumentError('body', 'the request body is not valid UTF-8'), undefined);
    parse(req, raw.toString('utf8'), (err, body) => {
      // Walking the parsed body costs a few percent of JSON.parse itself (a regex over the text cost more).
      if (err !== null || !hasNonFinite(body)) return done(err, body);
      const where = nonFiniteNumber(body) ?? 'body';
      done(new InvalidArgumentError(where, `${where} holds a number too large for a double; send non-finite values as "Infinity" or "-Infinity"`), undefined);
    });
  });
}

/** Whether any number in a parsed body is ±Infinity. Iterative: bodies may nest deeper than the stack. */
function hasNonFinite(root: unknown): boolean {
  if (typeof root === 'number') return !Number.isFinite(root);
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    const items = Array.isArray(value) ? value : value !== null && typeof value === 'object' ? Object.values(value) : [];
    for (let i = 0; i < items.length; i++) {
      const item: unknown = items[i];
      if (typeof item === 'number') {
        if (item - item !== 0) return true; // NaN cannot come out of JSON.parse; ±Infinity - itself is NaN
      } else if (item !== null && typeof item === 'object') stack.push(item);
    }
  }
  return false;
}

interface Step {
  value: unknown;
  parent: Step | null;
  key: string | number;
}

/** The JSON path of the first ±Infinity number in a parsed body, or null. Iterative: bodies may nest deeper than the stack. */
function nonFiniteNumber(body: unknown): string | null {
  const stack: Step[] = [{ value: body, parent: null, key: '' }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    const value = step.value;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return pathOf(step);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], parent: step, key: i });
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value).reverse()) stack.push({ value: (value as Record<string, unknown>)[key], parent: step, key });
    }
  }
  return null;
}

/** `input[0][1]`, `weight.val`; the whole body is `body`. Paths are spelled only for the one number found. */
function pathOf(step: Step): string {
  const keys: (string | number)[] = [];
  for (let s: Step | null = step; s !== null && s.parent !== null; s = s.parent) keys.push(s.key);
  let path = '';
  for (const key of keys.reverse()) path = typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
  return path === '' ? 'body' : path;
}
