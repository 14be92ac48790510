/**
 * Whether ops record a graph. Module-level because JavaScript runs one call
 * stack at a time and backward is synchronous; never hold it across an await.
 */
let enabled = true;

export function isGradEnabled(): boolean {
  return enabled;
}

/** Runs `fn` without recording a graph (PyTorch's `with torch.no_grad()`). */
export function noGrad<T>(fn: () => T): T {
  const before = enabled;
  enabled = false;
  try {
    return fn();
  } finally {
    enabled = before;
  }
}

/**
 * Sets grad mode and returns the previous value, for the engine's own
 * try/finally blocks where a `noGrad` closure per call would be wasted.
 */
export function setGradEnabled(flag: boolean): boolean {
  const before = enabled;
  enabled = flag;
  return before;
}
