import { existsSync, readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { wasmApi, type WasmModule } from './webassembly.js';

/** Which build of asm/ runs: fused multiply-add (relaxed SIMD) or plain SIMD128. */
export type WasmVariant = 'relaxed-simd' | 'simd';

export type LoadedGemmModule =
  | { ok: true; module: WasmModule; variant: WasmVariant }
  | { ok: false; reason: string };

/** Where `npm run build:wasm` writes: <repo>/build/wasm, the same four levels up from src/ and dist/. */
export const DEFAULT_WASM_DIR = fileURLToPath(new URL('../../../../build/wasm/', import.meta.url));

const FILES: Record<WasmVariant, string> = {
  'relaxed-simd': 'gemm-relaxed-simd.wasm',
  simd: 'gemm-simd.wasm',
};

/**
 * V8 11 (Node 20) implements relaxed SIMD but ships it behind a flag; V8 12
 * (Node 22) enables it by default. Flags are process-wide and a wasm feature
 * flag is read when a module is validated, so turning it on before compiling
 * is enough, for this thread and the workers it starts.
 */
function enableRelaxedSimd(bytes: Uint8Array): boolean {
  if (wasmApi!.validate(bytes)) return true;
  try {
    setFlagsFromString('--experimental-wasm-relaxed-simd');
  } catch {
    return false;
  }
  return wasmApi!.validate(bytes);
}

/**
 * Compiles the gemm kernels from `dir`: the relaxed-SIMD build where the
 * runtime accepts it (unless `relaxedSimd` is false), else the plain SIMD
 * build. Not built, or no WebAssembly SIMD: `ok: false` with the reason, and
 * the engine keeps its TypeScript kernel.
 */
export function loadGemmModule(dir: string, relaxedSimd: boolean): LoadedGemmModule {
  if (wasmApi === undefined) return { ok: false, reason: 'this runtime has no WebAssembly' };
  const order: WasmVariant[] = relaxedSimd ? ['relaxed-simd', 'simd'] : ['simd'];
  const missing: string[] = [];
  for (const variant of order) {
    const path = `${dir.replace(/\/?$/, '/')}${FILES[variant]}`;
    if (!existsSync(path)) {
      missing.push(path);
      continue;
    }
    const bytes = new Uint8Array(readFileSync(path));
    const valid = variant === 'relaxed-simd' ? enableRelaxedSimd(bytes) : wasmApi.validate(bytes);
    if (valid) return { ok: true, module: new wasmApi.Module(bytes), variant };
  }
  if (missing.length === order.length) return { ok: false, reason: `WebAssembly kernels not built (run npm run build:wasm): ${missing.join(', ')} missing` };
  return { ok: false, reason: 'this runtime does not accept WebAssembly SIMD with shared memory' };
}
