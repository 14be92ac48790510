import { Generator as RandomGenerator, allocate, normal_, uniform_, type DType } from '../../engine/index.js';

// Never drawn from: the checks below run the engine's samplers on empty arrays.
const PROBE = new RandomGenerator(0);

/**
 * `uniform_`'s argument checks with the engine's own words (`from is out of
 * bounds for float`, `uniform_ expects to return a [from, to) range, ...`),
 * run on an empty array so that no draw is made: a request can be refused
 * before any parameter or generator state changes.
 */
export function checkUniformBounds(a: number, b: number, dtype: DType = 'float32'): void {
  uniform_(allocate(dtype, 0), a, b, PROBE);
}

/** `normal_`'s argument check (`normal expects std >= 0.0, but found std -1`), drawing nothing. */
export function checkNormalStd(mean: number, std: number, dtype: DType = 'float32'): void {
  normal_(allocate(dtype, 0), mean, std, PROBE);
}
