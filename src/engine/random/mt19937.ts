/**
 * MT19937 exactly as `at::mt19937` (ATen/core/MT19937RNGEngine.h): the standard
 * `init_genrand` seeding and tempering, so it equals `std::mt19937(seed & 0xffffffff)`.
 * All arithmetic is uint32 through `>>> 0` / `Math.imul`, never BigInt, because
 * this is the per-element hot path of every random op.
 */
const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
const TWO_POW_M24 = 2 ** -24;
const TWO_POW_32 = 2 ** 32;
const TWO_POW_M53 = 2 ** -53;

function temper(y: number): number {
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >>> 18;
  return y >>> 0;
}

export class Mt19937 {
  private readonly state = new Uint32Array(N);
  private next = 0;
  private left = 1;

  constructor(seed32 = 5489) {
    this.seed(seed32);
  }

  /** `init_with_uint32`: only the low 32 bits of the seed matter. */
  seed(seed32: number): void {
    const s = this.state;
    s[0] = seed32 >>> 0;
    for (let j = 1; j < N; j++) {
      const prev = s[j - 1];
      s[j] = (Math.imul(1812433253, (prev ^ (prev >>> 30)) >>> 0) + j) >>> 0;
    }
    // torch regenerates the whole state lazily on the first draw (left = 1)
    this.left = 1;
    this.next = 0;
  }

  /** One tempered uint32 output. */
  nextU32(): number {
    if (--this.left === 0) this.twist();
    return temper(this.state[this.next++]);
  }

  /**
   * `out[i] = (draw & 0xffffff) * 2^-24` for i in [start, end): float uniforms
   * in bulk. The loop keeps the engine position in locals and calls nothing per
   * element but the tiny `temper` (a call V8 does not inline boxes its result).
   */
  fill24(out: Float32Array | Float64Array, start: number, end: number): void {
    const s = this.state;
    let next = this.next;
    let left = this.left;
    for (let i = start; i < end; i++) {
      if (--left === 0) {
        this.twist();
        next = 0;
        left = N;
      }
      out[i] = (temper(s[next++]) & 0xffffff) * TWO_POW_M24;
    }
    this.next = next;
    this.left = left;
  }

  /** `out[i] = (random64() & (2^53 - 1)) * 2^-53`, two draws each (high word first), in bulk. */
  fill53(out: Float64Array, start: number, end: number): void {
    const s = this.state;
    let next = this.next;
    let left = this.left;
    for (let i = start; i < end; i++) {
      if (--left === 0) {
        this.twist();
        next = 0;
        left = N;
      }
      const hi = temper(s[next++]) & 0x1fffff;
      if (--left === 0) {
        this.twist();
        next = 0;
        left = N;
      }
      out[i] = (hi * TWO_POW_32 + temper(s[next++])) * TWO_POW_M53;
    }
    this.next = next;
    this.left = left;
  }

  /** A copy of the raw state, for cloning a generator. */
  snapshot(): { state: Uint32Array; next: number; left: number } {
    return { state: this.state.slice(), next: this.next, left: this.left };
  }

  restore(snap: { state: Uint32Array; next: number; left: number }): void {
    this.state.set(snap.state);
    this.next = snap.next;
    this.left = snap.left;
  }

  private twist(): void {
    const s = this.state;
    this.left = N;
    this.next = 0;
    let kk = 0;
    for (; kk < N - M; kk++) {
      const y = (s[kk] & UPPER_MASK) | (s[kk + 1] & LOWER_MASK);
      s[kk] = s[kk + M] ^ (y >>> 1) ^ (s[kk + 1] & 1 ? MATRIX_A : 0);
    }
    for (; kk < N - 1; kk++) {
      const y = (s[kk] & UPPER_MASK) | (s[kk + 1] & LOWER_MASK);
      s[kk] = s[kk + M - N] ^ (y >>> 1) ^ (s[kk + 1] & 1 ? MATRIX_A : 0);
    }
    const y = (s[N - 1] & UPPER_MASK) | (s[0] & LOWER_MASK);
    s[N - 1] = s[M - 1] ^ (y >>> 1) ^ (s[0] & 1 ? MATRIX_A : 0);
  }
}
