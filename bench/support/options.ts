/**
 * Benchmark settings from the environment (so `npm run bench` passes them to
 * every script unchanged). `BENCH_QUICK=1` or `--quick` shrinks every budget,
 * to prove the scripts work without producing numbers worth quoting.
 */
export const quick = process.env.BENCH_QUICK === '1' || process.argv.includes('--quick');

export class BenchOptionError extends Error {}

/** A positive number from `name`, else the default (the quick default under `--quick`). */
export function numberOption(name: string, fallback: number, quickFallback = fallback): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return quick ? quickFallback : fallback;
  const v = Number(raw);
  if (!Number.isFinite(v) || v <= 0) throw new BenchOptionError(`${name} must be a positive number, got '${raw}'`);
  return v;
}

/** A comma-separated list of positive integers from `name`, else the default. */
export function integerListOption(name: string, fallback: number[]): number[] {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const values = raw.split(',').map((s) => Number(s.trim()));
  if (values.length === 0 || values.some((v) => !Number.isSafeInteger(v) || v <= 0))
    throw new BenchOptionError(`${name} must be a comma-separated list of positive integers, got '${raw}'`);
  return values;
}

/** A comma-separated subset of `allowed` from `name`, else all of them. */
export function choiceListOption<T extends string>(name: string, allowed: readonly T[]): T[] {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return [...allowed];
  const picked = raw.split(',').map((s) => s.trim());
  const unknown = picked.filter((p) => !(allowed as readonly string[]).includes(p));
  if (unknown.length > 0) throw new BenchOptionError(`${name}: unknown ${unknown.join(', ')} (choose from ${allowed.join(', ')})`);
  return picked as T[];
}
