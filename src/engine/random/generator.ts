import { Mt19937 } from './mt19937.js';
import { DEFAULT_SEED, low32, toSeed64 } from './seed.js';

const TWO_POW_M24 = 2 ** -24;
const TWO_POW_32 = 2 ** 32;
const TWO_POW_M53 = 2 ** -53;

/**
 * PyTorch's `CPUGeneratorImpl`: an MT19937 engine plus the cached second value
 * of the double Box-Muller transform. Always passed in explicitly; there is no
 * global generator, so a session's draws never depend on another's.
 */
export class Generator {
  private readonly engine = new Mt19937();
  private seed64: bigint = DEFAULT_SEED;
  private cached = 0;
  private hasCached = false;

  constructor(seed: number | bigint = DEFAULT_SEED) {
    this.manualSeed(seed);
  }

  /**
   * `manual_seed`: the full value is kept for `initialSeed()` but only its low
   * 32 bits seed MT19937; the cached normal is dropped, as torch resets it.
   */
  manualSeed(seed: number | bigint): this {
    const s = toSeed64(seed);
    this.seed64 = s;
    this.engine.seed(low32(s));
    this.hasCached = false;
    this.cached = 0;
    return this;
  }

  /** The seed as torch's `initial_seed()` reports it: uint64, negatives wrapped. */
  initialSeed(): bigint {
    return this.seed64;
  }

  /** One uint32 draw (`CPUGeneratorImpl::random`). */
  random(): number {
    return this.engine.nextU32();
  }

  /** `(first << 32) | second`, as `random64` combines two draws. */
  random64(): bigint {
    const hi = this.engine.nextU32();
    const lo = this.engine.nextU32();
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  /** `uniform_real_distribution<float>(0, 1)`: 24 random bits, one draw. */
  nextFloat24(): number {
    return (this.engine.nextU32() & 0xffffff) * TWO_POW_M24;
  }

  /** `uniform_real_distribution<double>(0, 1)`: the low 53 bits of `random64()`, two draws. */
  nextDouble53(): number {
    const hi = this.engine.nextU32() & 0x1fffff;
    const lo = this.engine.nextU32();
    return (hi * TWO_POW_32 + lo) * TWO_POW_M53;
  }

  /** `nextFloat24()` into `out[start..end)`, in order, without a call per element. */
  fillFloat24(out: Float32Array | Float64Array, start = 0, end = out.length): void {
    this.engine.fill24(out, start, end);
  }

  /** `nextDouble53()` into `out[start..end)`, in order, without a call per element. */
  fillDouble53(out: Float64Array, start = 0, end = out.length): void {
    this.engine.fill53(out, start, end);
  }

  /** The cached Box-Muller value (`next_double_normal_sample`), if one is waiting. */
  get cachedNormal(): number | undefined {
    return this.hasCached ? this.cached : undefined;
  }

  /** Takes the cached value, leaving none (`maybe_get_next_double_normal_sample`). */
  takeCachedNormal(): number | undefined {
    if (!this.hasCached) return undefined;
    this.hasCached = false;
    return this.cached;
  }

  setCachedNormal(value: number): void {
    this.cached = value;
    this.hasCached = true;
  }

  /** An independent generator in the same state (torch's `clone_state`). */
  clone(): Generator {
    const g = new Generator(this.seed64);
    g.engine.restore(this.engine.snapshot());
    g.cached = this.cached;
    g.hasCached = this.hasCached;
    return g;
  }
}
