import { InvalidInitializerError } from './errors.js';

const UNIT_GAIN = new Set(['linear', 'conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d', 'conv_transpose3d', 'sigmoid']);

/** The nonlinearities `calculateGain` knows, in PyTorch's table order. */
export const NONLINEARITIES: readonly string[] = [...UNIT_GAIN, 'tanh', 'relu', 'leaky_relu', 'selu'];

/** PyTorch's `calculate_gain(nonlinearity, param)` table, in double precision; names are case-sensitive. */
export function calculateGain(nonlinearity: string, param?: number | null): number {
  if (UNIT_GAIN.has(nonlinearity)) return 1;
  if (nonlinearity === 'tanh') return 5.0 / 3;
  if (nonlinearity === 'relu') return Math.sqrt(2.0);
  if (nonlinearity === 'leaky_relu') {
    let slope = 0.01;
    if (param !== undefined && param !== null) {
      // Python accepts any int or float here (NaN included) but not a bool
      if (typeof param !== 'number') throw new InvalidInitializerError(`negative_slope ${pythonText(param)} not a valid number`);
      slope = param;
    }
    return Math.sqrt(2.0 / (1 + slope * slope)); // Python's s ** 2 is the correctly rounded square
  }
  if (nonlinearity === 'selu') return 3.0 / 4;
  throw new InvalidInitializerError(`Unsupported nonlinearity ${nonlinearity}`);
}

function pythonText(value: unknown): string {
  if (value === true) return 'True';
  if (value === false) return 'False';
  return String(value);
}
