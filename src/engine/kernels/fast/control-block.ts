/**
 * The control block at the start of the kernels' shared memory (the first
 * 64 KiB), through which the calling thread and the pool's workers share one
 * parallel gemm without messages, so the caller can block synchronously:
 *
 *   - a chunk table: the gemm cut into slices (CHUNK_INTS Int32 fields each:
 *     m, n, k, a, lda, transA, b, ldb, transB, c, ldc, accumulate), and a
 *     NEXT counter every participant takes chunks from with Atomics.add, so
 *     a thread that runs slower (or is descheduled) simply takes fewer;
 *   - one slot per worker (a cache line each): the caller bumps SEQ and
 *     notifies to start a job; whoever first moves CLAIMED from SEQ−1 to SEQ
 *     (the woken worker, or the caller once the table is drained) owns the
 *     worker's part, so a worker that wakes late never touches a job that is
 *     over; the worker publishes DONE.
 */
export const CONTROL_BYTES = 65536;

export const Job = {
  /** Index of the next chunk to take. */
  NEXT: 0,
  /** Chunks in the table. */
  COUNT: 1,
} as const;

export const TABLE = 16;
export const CHUNK_INTS = 16;
export const MAX_CHUNKS = 256;

const SLOTS = TABLE + MAX_CHUNKS * CHUNK_INTS;
export const SLOT_INTS = 16;
/** Workers per memory the control block has room for. */
export const MAX_WORKERS = 63;

/** Field offsets within a worker's slot. */
export const Field = {
  /** Job generation; the caller bumps it (and notifies) to start a job. */
  SEQ: 0,
  /** The generation the worker last finished; it notifies on this field. */
  DONE: 1,
  STATE: 2,
  OP: 3,
  /** Non-zero when a chunk of the worker's last job threw. */
  ERROR: 4,
  /** The generation whose part has an owner (see above). */
  CLAIMED: 5,
} as const;

export const State = { STARTING: 0, READY: 1, EXITED: 2 } as const;
export const Op = { GEMM: 1, EXIT: 2 } as const;

/** Int32 index of pool worker `w`'s slot (0-based). */
export const slotBase = (w: number): number => SLOTS + w * SLOT_INTS;
