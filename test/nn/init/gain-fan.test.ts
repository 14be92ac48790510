import { describe, expect, it } from 'vitest';
import { calculateCorrectFan, calculateFanInAndFanOut, calculateGain, InvalidInitializerError } from '../../../src/nn/index.js';
import { cases } from './fixture.js';

describe('calculate_gain', () => {
  for (const row of cases.gain) {
    it(`${row.nonlinearity}(${row.param}) = ${row.gain}`, () => {
      expect(calculateGain(row.nonlinearity, row.param)).toBe(row.gain);
    });
  }

  for (const row of cases.errors.gain) {
    it(`refuses ${row.nonlinearity}(${String(row.param)}) as PyTorch does`, () => {
      const call = () => calculateGain(row.nonlinearity, row.param as number);
      expect(call).toThrow(InvalidInitializerError);
      expect(call).toThrow(row.message);
    });
  }
});

describe('fans', () => {
  for (const row of cases.fan) {
    it(`(${row.shape.join(', ')}) has fan_in ${row.fanIn}, fan_out ${row.fanOut}`, () => {
      expect(calculateFanInAndFanOut(row.shape)).toEqual({ fanIn: row.fanIn, fanOut: row.fanOut });
      expect(calculateCorrectFan(row.shape, 'fan_in')).toBe(row.fanIn);
      expect(calculateCorrectFan(row.shape, 'FAN_OUT')).toBe(row.fanOut);
    });
  }

  it('checks the mode before the shape, and reports it lower-cased', () => {
    expect(() => calculateCorrectFan([3], 'Fan_Avg')).toThrow("Mode fan_avg not supported, please use one of ['fan_in', 'fan_out']");
    expect(() => calculateCorrectFan([3], 'fan_in')).toThrow('Fan in and fan out can not be computed for tensor with fewer than 2 dimensions');
  });
});
