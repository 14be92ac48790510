import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors/index.js';
import { MAX_INDEX_LENGTH, parseIndex, resolveIndex } from '../../../src/nn/index.js';
import { base, fixture } from './fixture.js';

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a refusal');
}

describe('index strings against torch', () => {
  it.each(fixture.regions.map((c) => [c.base, c.index, c] as const))('%s[%j] selects what torch selects', (name, index, c) => {
    const region = resolveIndex(base(name).shape, parseIndex(index));
    expect([...region.shape]).toEqual(c.shape);
    expect([...region.offsets]).toEqual(c.offsets);
  });

  it.each(fixture.indexErrors.map((c) => [c.base, c.index, c] as const))('%s[%j] is refused with torch\'s message', (name, index, c) => {
    const e = refusal(() => resolveIndex(base(name).shape, parseIndex(index)));
    expect(e.message).toBe(c.error);
    expect(e.code).toBe('INDEX_OUT_OF_RANGE');
    expect(e.details.field).toBe('index');
  });
});

describe('parseIndex', () => {
  it('reads the forms the chapter uses', () => {
    expect(parseIndex(':').selectors).toEqual([{ kind: 'slice', start: null, stop: null, step: null }]);
    expect(parseIndex('0, 0').selectors).toEqual([{ kind: 'index', index: 0 }, { kind: 'index', index: 0 }]);
    expect(parseIndex('..., 1').selectors).toEqual([{ kind: 'ellipsis' }, { kind: 'index', index: 1 }]);
    expect(parseIndex('1:3, ::2').selectors).toEqual([
      { kind: 'slice', start: 1, stop: 3, step: null },
      { kind: 'slice', start: null, stop: null, step: 2 },
    ]);
  });

  it('tells a bare item from a one-element tuple, as Python does', () => {
    expect(parseIndex('0')).toEqual({ selectors: [{ kind: 'index', index: 0 }], tuple: false });
    expect(parseIndex('0,')).toEqual({ selectors: [{ kind: 'index', index: 0 }], tuple: true });
    expect(parseIndex('')).toEqual({ selectors: [], tuple: true });
    expect(parseIndex('   ')).toEqual({ selectors: [], tuple: true });
  });

  it.each([
    'None', 'True', 'False', '1.5', '1e3', '0x1', '1_000', '1+1', '-(1)', '--1', 'a', 'x[0]', '[0]', '(0)', '{}',
    '..., ...', '...,...', '::0', '::-1', '1:2:3:4', '0,,1', ',', ', 0', '01', '.', '..', '....', ':;', '0 1',
    '__import__("os").system("true")', 'constructor', '__proto__', '9'.repeat(16), '-' + '9'.repeat(16), '1:' + '9'.repeat(20),
    'x'.repeat(MAX_INDEX_LENGTH + 1), ':,'.repeat(200),
  ])('refuses %j as INVALID_INDEX naming the field', (text) => {
    const e = refusal(() => parseIndex(text, 'edits[0].index'));
    expect(e.code).toBe('INVALID_INDEX');
    expect(e.details.field).toBe('edits[0].index');
    expect(e.message.startsWith('edits[0].index: ')).toBe(true);
    expect(e.message.length).toBeLessThan(200);
  });

  it('uses Python\'s words for a bad slice step', () => {
    expect(refusal(() => parseIndex('::0')).message).toBe('index: slice step cannot be zero');
    expect(refusal(() => parseIndex('::-2')).message).toBe('index: step must be greater than zero');
  });

  it('accepts integers up to 15 digits and lets the range check decide', () => {
    const parsed = parseIndex('-' + '9'.repeat(15));
    expect(parsed.selectors).toEqual([{ kind: 'index', index: -999999999999999 }]);
    expect(refusal(() => resolveIndex([4], parsed)).message).toBe('index -999999999999999 is out of bounds for dimension 0 with size 4');
    expect(resolveIndex([4], parseIndex(':' + '9'.repeat(15))).shape).toEqual([4]);
  });

  it('refuses a non-string without touching it', () => {
    expect(refusal(() => parseIndex(0 as unknown as string)).code).toBe('INVALID_INDEX');
  });
});
