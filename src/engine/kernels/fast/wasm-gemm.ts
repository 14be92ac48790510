import { gemmReference, type GemmArgs } from '../matmul.js';
import { CONTROL_BYTES, MAX_CHUNKS } from './control-block.js';
import { GemmPool, Mode, type GemmSlice } from './gemm-pool.js';
import { splitGemm, type GemmPart } from './split.js';
import { WASM_PAGE, wasmApi, type WasmMemory, type WasmModule } from './webassembly.js';
import type { WasmVariant } from './wasm-binary.js';

export interface WasmGemmOptions {
  /** Threads one large gemm is split over, the calling thread included. */
  threads: number;
  /** Products of fewer multiply-adds (m·n·k) stay on the TypeScript kernel, where a call costs less than the copies. */
  minMacs: number;
  /** Products of at least this many multiply-adds are split over the pool. */
  parallelMacs: number;
  /** Upper bound of the shared memory; a product whose operands do not fit runs on the TypeScript kernel. */
  maxMemoryBytes: number;
}

/** The module's exports (asm/index.ts); addresses in bytes, modes as in Mode. */
interface Kernels {
  gemm(m: number, n: number, k: number, a: number, lda: number, aMode: number, b: number, ldb: number, bMode: number, c: number, ldc: number, accumulate: number, work: number): void;
  packAFull(m: number, k: number, a: number, lda: number, aMode: number, out: number): void;
  packBFull(k: number, n: number, b: number, ldb: number, bMode: number, out: number): void;
  packedABytes(m: number, k: number): number;
  packedBBytes(k: number, n: number): number;
  workBytes(): number;
  tileRows(): number;
  tileCols(): number;
}

const ALIGN = 64;
const alignUp = (x: number) => Math.ceil(x / ALIGN) * ALIGN;
/** Room for operands the memory starts with; it grows on demand. */
const INITIAL_OPERAND_BYTES = 4 << 20;
/**
 * A parallel product is cut into up to this many chunks per thread, taken
 * first come first served, so a thread that is slowed down (a busy core)
 * takes fewer instead of holding everyone up...
 */
const CHUNKS_PER_THREAD = 4;
/** ...but none smaller than this many multiply-adds (~10 µs), so taking a chunk stays cheap beside running it. */
const MIN_CHUNK_MACS = 1 << 18;

/**
 * gemm on the WebAssembly kernels. The engine's arrays live in JS memory, so
 * each call copies the parts of A and B it reads (and C when accumulating)
 * into the module's shared memory and C back out: O(mk + kn + mn) against
 * O(mnk) of arithmetic. Float64 operands and tiny products go to the
 * TypeScript kernel; large ones are split over a worker pool sharing the memory.
 */
export class WasmGemm {
  private readonly memory: WasmMemory;
  private readonly kernels: Kernels;
  private readonly tileRows: number;
  private readonly tileCols: number;
  private readonly work: number[] = [];
  private readonly operands: number;
  private readonly maxPages: number;
  private f32: Float32Array;
  private readonly pool: GemmPool | null;

  constructor(
    module: WasmModule,
    readonly variant: WasmVariant,
    private readonly options: WasmGemmOptions,
  ) {
    const api = wasmApi!;
    // The scratch size is a property of the build, so ask a throwaway instance before laying out the real memory.
    const probe = new api.Instance(module, { env: { memory: new api.Memory({ initial: 1, maximum: 1, shared: true }) } }).exports as unknown as Kernels;
    const workBytes = alignUp(probe.workBytes());
    this.tileRows = probe.tileRows();
    this.tileCols = probe.tileCols();
    for (let t = 0; t < options.threads; t++) this.work.push(CONTROL_BYTES + t * workBytes);
    this.operands = CONTROL_BYTES + options.threads * workBytes;
    // wasm32 addresses at most 65536 pages (4 GiB).
    this.maxPages = Math.min(65536, Math.floor(options.maxMemoryBytes / WASM_PAGE));
    const initial = Math.ceil((this.operands + INITIAL_OPERAND_BYTES) / WASM_PAGE);
    if (initial > this.maxPages) throw new RangeError(`maxMemoryBytes ${options.maxMemoryBytes} is below the ${initial * WASM_PAGE} bytes ${options.threads} threads need`);
    this.memory = new api.Memory({ initial, maximum: this.maxPages, shared: true });
    this.kernels = new api.Instance(module, { env: { memory: this.memory } }).exports as unknown as Kernels;
    this.f32 = new Float32Array(this.memory.buffer);
    this.pool = options.threads > 1 ? new GemmPool(module, this.memory, this.work.slice(1)) : null;
  }

  /** Blocks until the whole pool is up; true when it is. */
  waitForPool(timeoutMs?: number): boolean {
    return this.pool === null || this.pool.waitUntilStarted(timeoutMs);
  }

  /** The engine's Gemm: same contract as gemmReference. */
  readonly gemm = (args: GemmArgs): void => {
    const { m, n, k, a, b, c } = args;
    if (m === 0 || n === 0) return;
    const macs = m * n * k;
    if (macs < this.options.minMacs || !(a instanceof Float32Array) || !(b instanceof Float32Array) || !(c instanceof Float32Array)) {
      gemmReference(args);
      return;
    }
    const aLen = m * k;
    const bLen = k * n;
    const cLen = m * n;
    const aAt = this.operands;
    const bAt = alignUp(aAt + aLen * 4);
    const cAt = alignUp(bAt + bLen * 4);
    const end = alignUp(cAt + cLen * 4);
    if (!this.reserve(end)) {
      gemmReference(args);
      return;
    }
    const ao = args.aOffset ?? 0;
    const bo = args.bOffset ?? 0;
    const co = args.cOffset ?? 0;
    const transA = args.transA ?? false;
    const transB = args.transB ?? false;
    const accumulate = args.accumulate ?? false;
    const f32 = this.f32;
    f32.set(aLen === a.length && ao === 0 ? a : a.subarray(ao, ao + aLen), aAt >> 2);
    f32.set(bLen === b.length && bo === 0 ? b : b.subarray(bo, bo + bLen), bAt >> 2);
    if (accumulate) f32.set(c.subarray(co, co + cLen), cAt >> 2);
    const whole: GemmSlice = {
      m, n, k,
      a: aAt, lda: transA ? m : k, aMode: transA ? Mode.TRANS : Mode.PLAIN,
      b: bAt, ldb: transB ? k : n, bMode: transB ? Mode.TRANS : Mode.PLAIN,
      c: cAt, ldc: n, accumulate,
    };
    if (this.pool === null || macs < this.options.parallelMacs || !this.runParallel(whole, macs, end)) this.runSlice(whole, this.work[0]);
    c.set(f32.subarray(cAt >> 2, (cAt >> 2) + cLen), co);
  };

  private runSlice(s: GemmSlice, work: number): void {
    this.kernels.gemm(s.m, s.n, s.k, s.a, s.lda, s.aMode, s.b, s.ldb, s.bMode, s.c, s.ldc, s.accumulate ? 1 : 0, work);
  }

  /**
   * Splits `whole` along its longer side into chunks the pool and this
   * thread take as they come. The operand every chunk reads whole (op(A)
   * when columns are split, op(B) when rows are) is packed once, here, and
   * shared; each chunk packs only its own part of the other. False when the
   * pool has no worker up or the shared copy does not fit: run it on one thread.
   */
  private runParallel(whole: GemmSlice, macs: number, free: number): boolean {
    const pool = this.pool!;
    const threads = 1 + pool.readyWorkers().length;
    if (threads === 1) return false;
    const byCols = whole.n >= whole.m;
    const packed = free;
    const bytes = byCols ? this.kernels.packedABytes(whole.m, whole.k) : this.kernels.packedBBytes(whole.k, whole.n);
    if (!this.reserve(packed + bytes)) return false;
    let shared: GemmSlice;
    if (byCols) {
      this.kernels.packAFull(whole.m, whole.k, whole.a, whole.lda, whole.aMode, packed);
      shared = { ...whole, a: packed, aMode: Mode.PACKED };
    } else {
      this.kernels.packBFull(whole.k, whole.n, whole.b, whole.ldb, whole.bMode, packed);
      shared = { ...whole, b: packed, bMode: Mode.PACKED };
    }
    const parts = Math.min(MAX_CHUNKS, Math.max(threads, Math.min(threads * CHUNKS_PER_THREAD, Math.floor(macs / MIN_CHUNK_MACS))));
    const chunks = splitGemm(whole.m, whole.n, parts, this.tileRows, this.tileCols).map((part) => sliceOf(shared, part));
    pool.run(chunks, (chunk) => this.runSlice(chunk, this.work[0]));
    return true;
  }

  /** Grows the memory to hold `bytes`; false when that would pass maxMemoryBytes. */
  private reserve(bytes: number): boolean {
    const have = this.memory.buffer.byteLength;
    if (bytes <= have) {
      if (this.f32.byteLength < bytes) this.f32 = new Float32Array(this.memory.buffer);
      return true;
    }
    const pages = Math.ceil((bytes - have) / WASM_PAGE);
    if (have / WASM_PAGE + pages > this.maxPages) return false;
    this.memory.grow(pages);
    this.f32 = new Float32Array(this.memory.buffer);
    return true;
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}

/**
 * The slice of `whole` that computes `part` of C, addressed in place (leading
 * dimensions stay). A split never cuts across a PACKED operand: columns are
 * split only when A is the shared one, rows only when B is.
 */
function sliceOf(whole: GemmSlice, part: GemmPart): GemmSlice {
  const aStep = whole.aMode === Mode.TRANS ? 1 : whole.lda;
  const bStep = whole.bMode === Mode.TRANS ? whole.ldb : 1;
  return {
    ...whole,
    m: part.rows,
    n: part.cols,
    a: whole.a + part.i0 * aStep * 4,
    b: whole.b + part.j0 * bStep * 4,
    c: whole.c + (part.i0 * whole.ldc + part.j0) * 4,
  };
}
