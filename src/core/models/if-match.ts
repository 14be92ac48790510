import { InvalidArgumentError } from '../errors.js';
import type { VersionPrecondition } from './model-repository.js';

/**
 * `If-Match: "5"` (also `W/"5"`, a bare `5`, a list, or `*`) as a version
 * precondition. gRPC's `if_match` field uses the same syntax.
 */
export function parseIfMatch(raw: string | undefined | null): VersionPrecondition | undefined {
  if (raw === undefined || raw === null || raw.trim() === '') return undefined;
  const versions: number[] = [];
  let any = false;
  // Every part is checked, even after a `*`: a malformed header is refused whole, never half-read.
  for (const part of raw.split(',')) {
    const tag = part.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
    if (tag === '*') any = true;
    else if (/^\d{1,15}$/.test(tag)) versions.push(Number(tag));
    else throw new InvalidArgumentError('If-Match', `If-Match must hold model versions as entity tags ("5"), got ${JSON.stringify(raw.slice(0, 40))}`);
  }
  return { raw, versions: any ? null : versions };
}
