import { fma64 } from './fma.js';
import type { Generator } from './generator.js';
const { cos, log, sin } = Math;

const TWO_PI = 2 * Math.PI;

/**
 * One draw of `at::normal_distribution<double>`: double Box-Muller whose second
 * value is parked in the generator and returned by the next call, including the
 * next call from a different op. The AVX2 build contracts `z*std + mean`.
 */
export function normalDouble(gen: Generator, mean: number, std: number): number {
  let z = gen.takeCachedNormal();
  if (z === undefined) {
    const u1 = gen.nextDouble53();
    const u2 = gen.nextDouble53();
    const r = Math.sqrt(-2 * log(1 - u2));
    const theta = TWO_PI * u1;
    gen.setCachedNormal(r * sin(theta));
    z = r * cos(theta);
  }
  return fma64(z, std, mean);
}
