/**
 * Regenerates the TypeScript types of the gRPC API from the protos, with
 * @grpc/proto-loader's own generator (no protoc, nothing downloaded), into
 * src/transports/grpc/generated/ (committed). `npm run proto:gen` runs this;
 * test/grpc/generated-types.test.ts regenerates into a temporary directory and
 * fails when the committed files differ, so protos and types cannot drift.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ERROR_PROTOS, LOADER_OPTIONS, PROTO_DIR, SERVICE_PROTOS } from '../src/transports/grpc/proto-files.js';

const REPO = fileURLToPath(new URL('../', import.meta.url));
export const GENERATED_DIR = fileURLToPath(new URL('../src/transports/grpc/generated/', import.meta.url));

/** The generator's flags, derived from the loader's options so both read messages the same way. */
function flags(): string[] {
  const o = LOADER_OPTIONS;
  const out = ['--grpcLib=@grpc/grpc-js', '--importFileExtension=.js', '--includeComments'];
  if (o.keepCase) out.push('--keepCase');
  if (o.longs === Number) out.push('--longs=Number');
  else if (o.longs === String) out.push('--longs=String');
  if (o.enums === String) out.push('--enums=String');
  for (const key of ['defaults', 'oneofs', 'arrays', 'objects'] as const) if (o[key]) out.push(`--${key}`);
  return out;
}

/** Writes the generated types into `outDir` (emptied first, so a removed message leaves no stale file). */
export function generateTypes(outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  const cli = createRequire(import.meta.url).resolve('@grpc/proto-loader/build/bin/proto-loader-gen-types.js');
  // Relative include dir and file names, run from the repository root: the generated comments name
  // `proto/...` files, the same on every machine.
  const includeDir = PROTO_DIR.slice(REPO.length).replace(/\/$/, '');
  execFileSync(process.execPath, [cli, ...flags(), '-I', includeDir, '-O', outDir, ...SERVICE_PROTOS, ...ERROR_PROTOS], { cwd: REPO, stdio: 'pipe' });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  generateTypes(GENERATED_DIR);
  console.log(`generated ${GENERATED_DIR}`);
}
