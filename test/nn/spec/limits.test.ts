import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors/index.js';
import { validateSpec, type SpecLimits } from '../../../src/nn/index.js';
import { specCase } from './fixture.js';

const LIMITS: SpecLimits = { maxParameters: 1_000_000, maxDepth: 4, maxChildren: 16, maxModules: 200 };
const linear = (i: number, o: number) => ({ type: 'Linear', in_features: i, out_features: o });
const seq = (...layers: unknown[]) => ({ type: 'Sequential', layers });
const relu = { type: 'ReLU' };
const refs = (name: string, n: number) => Array.from({ length: n }, () => ({ ref: name }));

function refused(json: unknown, limits: SpecLimits = LIMITS): AppError {
  try {
    validateSpec(json, limits);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('validateSpec accepted the spec');
}

function expectLimit(e: AppError, limit: keyof SpecLimits, field: string): void {
  expect(e.code).toBe('LIMIT_EXCEEDED');
  expect(e.category).toBe('LIMIT');
  expect(e.details).toMatchObject({ field, limit, limitValue: LIMITS[limit] ?? 4096 });
  expect(e.message).toContain(`${limit}=${LIMITS[limit] ?? 4096}`);
}

describe('limits', () => {
  it('maxChildren bounds each Sequential, before its children are read', () => {
    expectLimit(refused(seq(seq(...Array(17).fill(7)))), 'maxChildren', 'layers[0].layers');
    expect(() => validateSpec(seq(...Array(16).fill(relu)), LIMITS)).not.toThrow();
  });

  it('maxDepth bounds the longest module path', () => {
    const nest = (depth: number): object => (depth === 0 ? relu : seq(nest(depth - 1)));
    expect(validateSpec(nest(4), LIMITS).stats.depth).toBe(4);
    expectLimit(refused(nest(5)), 'maxDepth', 'layers[0].layers[0].layers[0].layers[0].layers[0]');
  });

  it('maxDepth counts a shared module where it is placed', () => {
    const spec = { ...seq(seq({ ref: 'deep' })), shared: { deep: seq(seq(relu)) } };
    expect(validateSpec(spec, LIMITS).stats.depth).toBe(4);
    expectLimit(refused({ ...spec, layers: [seq(seq({ ref: 'deep' }))] }), 'maxDepth', 'layers[0].layers[0].layers[0]');
  });

  it('maxModules counts a shared subtree at each of its positions', () => {
    const block = seq(...Array(15).fill(relu)); // 16 module paths
    // The root, then 16 per ref: the 13th ref brings the count to 1 + 13 * 16 = 209.
    const e = refused({ ...seq(...refs('b', 16)), shared: { b: block } });
    expectLimit(e, 'maxModules', 'layers[12]');
    expect(validateSpec({ ...seq(...refs('b', 12)), shared: { b: block } }, LIMITS).stats.modulePaths).toBe(1 + 12 * 16);
  });

  it('refuses an exponential tower of refs at once', () => {
    const shared: Record<string, unknown> = { s0: linear(2, 2) };
    for (let i = 1; i <= 40; i++) shared[`s${i}`] = seq(...refs(`s${i - 1}`, 16));
    const started = performance.now();
    const e = refused({ ...seq({ ref: 's40' }), shared }, { ...LIMITS, maxDepth: 100 });
    expect(performance.now() - started).toBeLessThan(100);
    expectLimit(e, 'maxModules', 'shared.s2.layers[11]'); // s1 has 17 paths: 1 + 12 * 17 > 200
  });

  it('maxModules bounds how many shared modules can be declared', () => {
    const shared = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`s${i}`, relu]));
    expectLimit(refused({ ...seq(), shared }), 'maxModules', 'shared');
  });

  it('maxParameters counts every Linear, a shared module once', () => {
    const s15 = specCase('s15').spec; // 40 + 72 (shared, placed twice) + 9
    expect(validateSpec(s15, { ...LIMITS, maxParameters: 121 }).stats.allocatedParameters).toBe(121);
    const e = refused(s15, { ...LIMITS, maxParameters: 120 });
    expect(e.details).toMatchObject({ field: 'layers[6]', limit: 'maxParameters', limitValue: 120 });
    expect(e.message).toBe('layers[6]: the model would have at least 121 parameters, over the limit maxParameters=120');
  });

  it('maxParameters counts a bias-free Linear without its bias', () => {
    const spec = seq({ ...linear(10, 10), bias: false });
    expect(validateSpec(spec, { ...LIMITS, maxParameters: 100 }).stats.parameterCount).toBe(100);
  });

  it('maxFeatures bounds in_features and out_features when given', () => {
    const limits = { ...LIMITS, maxFeatures: 4096 };
    const e = refused(seq(linear(4, 5000)), limits);
    expect(e.details).toMatchObject({ field: 'layers[0].out_features', limit: 'maxFeatures', limitValue: 4096 });
    expect(e.message).toBe('layers[0].out_features is 5000, over the limit maxFeatures=4096');
    expect(() => validateSpec(seq(linear(4, 5000)), { ...LIMITS, maxParameters: 1e9 })).not.toThrow();
  });

  it('refuses Linear(1e9, 1e9) from the spec arithmetic alone, allocating nothing noticeable', () => {
    const huge = seq(linear(1e9, 1e9));
    refused(huge); // warm the code up so the memory reading measures the check, not the JIT
    globalThis.gc?.();
    const before = process.memoryUsage();
    const e = refused(huge);
    const after = process.memoryUsage();
    expect(after.heapUsed - before.heapUsed).toBeLessThan(4 * 1024 * 1024);
    expect(after.rss - before.rss).toBeLessThan(16 * 1024 * 1024);
    expect(e.details).toMatchObject({ field: 'layers[0]', limit: 'maxParameters', limitValue: 1_000_000 });
    expect(e.message).toBe('layers[0]: the model would have at least 1000000001000000000 parameters, over the limit maxParameters=1000000');
  });

  it('counts exactly beyond safe integers', () => {
    const e = refused(seq(linear(1e300, 1)));
    expect(e.message).toBe(`layers[0]: the model would have at least ${BigInt(1e300) + 1n} parameters, over the limit maxParameters=1000000`);
  });
});
