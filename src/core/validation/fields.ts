import { InvalidArgumentError } from '../errors.js';

/**
 * Readers for fields of a request body, shared by both transports: each names
 * the field in its error, so a client learns exactly what to fix.
 */

export type Body = Record<string, unknown>;

export function asBody(value: unknown, what = 'request body'): Body {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new InvalidArgumentError('', `${what} must be a JSON object`);
  return value as Body;
}

export function rejectUnknown(body: Body, allowed: readonly string[], prefix = ''): void {
  for (const key of Object.keys(body))
    if (!allowed.includes(key)) throw new InvalidArgumentError(prefix + key, `unknown field '${prefix}${key}'; expected one of: ${allowed.join(', ')}`);
}

export function requiredString(body: Body, field: string): string {
  const v = body[field];
  if (typeof v !== 'string') throw new InvalidArgumentError(field, `${field} is required and must be a string`);
  return v;
}

export function optionalString(body: Body, field: string): string | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new InvalidArgumentError(field, `${field} must be a string`);
  return v;
}

export function optionalBoolean(body: Body, field: string): boolean | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw new InvalidArgumentError(field, `${field} must be true or false`);
  return v;
}

export function optionalStringArray(body: Body, field: string): string[] | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new InvalidArgumentError(field, `${field} must be an array of strings`);
  return v as string[];
}

/** A seed as `torch.manual_seed` takes it: any integer JSON can carry exactly. */
export function optionalSeed(body: Body, field = 'seed'): number | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new InvalidArgumentError(field, `${field} must be an integer between -(2^53-1) and 2^53-1`);
  return v;
}

export function required(body: Body, field: string): unknown {
  if (!(field in body) || body[field] === undefined) throw new InvalidArgumentError(field, `${field} is required`);
  return body[field];
}
