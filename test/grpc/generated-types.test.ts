import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GENERATED_DIR, generateTypes } from '../../proto/generate-types.js';

/** Every file under `dir`, relative to it, sorted. */
function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

describe('generated TypeScript types', () => {
  const fresh = mkdtempSync(join(tmpdir(), 'paramserve-proto-gen-'));
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  it('are exactly what `npm run proto:gen` makes from the committed protos (no drift)', () => {
    generateTypes(fresh);
    const committed = files(GENERATED_DIR);
    expect(files(fresh), 'run `npm run proto:gen` and commit src/transports/grpc/generated/').toEqual(committed);
    for (const file of committed)
      expect(readFileSync(join(fresh, file), 'utf8'), `${file} differs from the protos: run \`npm run proto:gen\``).toBe(readFileSync(join(GENERATED_DIR, file), 'utf8'));
  }, 60_000);

  it('cover every service and message the server loads', () => {
    const names = files(GENERATED_DIR);
    for (const svc of ['SessionService', 'ModelService', 'ParameterService', 'ComputeService']) expect(names).toContain(`paramserve/v1/${svc}.ts`);
    expect(names).toContain('google/rpc/ErrorInfo.ts');
  });
});
