import { expect } from 'vitest';
import { chapter, flatten, nested, toleranceRatio } from '../../golden/chapter-fixture.js';
import type { ParamClient, Session } from '../../e2e/support/client.js';

/** S1's `net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))`, as an architecture spec. */
export const s1Net = {
  type: 'Sequential',
  layers: [{ type: 'Linear', in_features: 4, out_features: 8 }, { type: 'ReLU' }, { type: 'Linear', in_features: 8, out_features: 1 }],
};

export const s1Input = nested(chapter.S1.input);

/** Asserts a forward reply is what PyTorch answered for S1 (scripts/golden/chapter.py). */
export function expectS1Output(r: { output: unknown; shape: number[]; gradFn: string | null; repr: string }): void {
  expect(r.shape).toEqual(chapter.S1.output.shape);
  expect(toleranceRatio(flatten(r.output), chapter.S1.output.data)).toBeLessThanOrEqual(1);
  expect(r.gradFn).toBe(chapter.S1.gradFn);
  expect(r.repr).toBe(chapter.S1.repr);
}

/** S1 through a client: create the seeded net in a new session, forward the 2x4 input, compare with PyTorch. */
export async function runS1(client: ParamClient): Promise<Session> {
  const s = await client.createSession();
  const created = await client.createModel(s, { name: 'net', architecture: s1Net, seed: chapter.S1.seed });
  expect(created.summary).toBe(chapter.S1.summary);
  expectS1Output(await client.forward(s, 'net', { input: s1Input }));
  return s;
}
