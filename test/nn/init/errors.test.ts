import { describe, expect, it } from 'vitest';
import { Generator, numel, rand } from '../../../src/engine/index.js';
import { AppError } from '../../../src/errors/index.js';
import { Parameter, parseInitializer } from '../../../src/nn/index.js';
import { checkTarget } from '../../../src/nn/init/catalog.js';
import { cases, mismatches, shapeName } from './fixture.js';
import { callTensorApi } from './tensor-api.js';

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected an error');
}

describe("PyTorch's error messages", () => {
  for (const c of cases.errors.initializers) {
    const { name, ...kwargs } = c.init;
    const title = `${name}${JSON.stringify(kwargs)} on ${shapeName(c.shape)}: ${c.message}`;

    it(`tensor function: ${title}`, () => {
      const t = new Parameter(new Float32Array(numel(c.shape)), c.shape);
      expect(thrown(() => callTensorApi(t, c.init, new Generator(0))).message).toBe(c.message);
    });

    it(`registry, before any draw: ${title}`, () => {
      const g = new Generator(0);
      const e = thrown(() => checkTarget(parseInitializer(c.init, 'weight'), { shape: c.shape, dtype: 'float32' }));
      expect(e.message.endsWith(c.message)).toBe(true);
      expect(['INVALID_INITIALIZER', 'INVALID_ARGUMENT']).toContain(e.code);
      expect(mismatches(rand([2], g).data, rand([2], new Generator(0)).data)).toBe(0);
    });
  }

  it('refuses at parse time what PyTorch refuses for every tensor, naming the field', () => {
    const e = thrown(() => parseInitializer({ name: 'uniform', a: 1, b: 0 }, 'weight'));
    expect(e.code).toBe('INVALID_INITIALIZER');
    expect(e.message).toBe('weight: uniform_ expects to return a [from, to) range, but found from=1 > to=0');
    expect(e.details.field).toBe('weight');
    const mode = thrown(() => parseInitializer({ name: 'kaiming_uniform', mode: 'fan_avg' }, 'bias'));
    expect(mode.message).toBe("bias.mode: Mode fan_avg not supported, please use one of ['fan_in', 'fan_out']");
    expect(mode.details.field).toBe('bias.mode');
  });
});
