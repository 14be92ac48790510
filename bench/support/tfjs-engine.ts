import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { LEARNING_RATE, uniformData, type TrainCase } from './engine-cases.js';
import type { EngineSubject, Prepared } from './engine-subject.js';

export type TfjsBackend = 'cpu' | 'wasm';

let wasmPathsSet = false;

/**
 * The wasm backend fetches its .wasm files by URL; point it at the package's
 * own dist folder so it reads them from node_modules, never the network. One
 * thread, as the other columns: Node has no Web Workers for its threaded build.
 */
function useLocalWasm(): void {
  if (wasmPathsSet) return;
  const dist = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'));
  setWasmPaths(`${dist}/`);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  wasmPathsSet = true;
}

/**
 * Switches TensorFlow.js to a backend and describes it. Production mode, as a
 * deployment would run it (it also silences the "install tfjs-node" banner).
 */
export async function selectTfjsBackend(backend: TfjsBackend): Promise<string> {
  tf.enableProdMode();
  if (backend === 'wasm') useLocalWasm();
  if (!(await tf.setBackend(backend))) throw new Error(`TensorFlow.js could not start its ${backend} backend`);
  await tf.ready();
  if (backend === 'cpu') return `tfjs ${tf.version.tfjs} cpu`;
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  return `tfjs ${tf.version.tfjs} wasm (${simd ? 'SIMD' : 'no SIMD'}, 1 thread)`;
}

/**
 * The same workloads in TensorFlow.js with its core ops (`matMul` with
 * `transposeB`, `add`, `relu`, `mean(squaredDifference)`) and
 * `tf.train.sgd().minimize`. This is tfjs's fastest spelling we found on both
 * backends: `tf.fused.matMul` + `tf.losses.meanSquaredError` (what
 * `tf.layers.dense` runs) took 1.3-2.7× as long on the 4-8-1 step and up to
 * 1.3× on 784-256-256-10. The cpu and wasm backends run synchronously, so a
 * call has finished its arithmetic when it returns. Call `selectTfjsBackend` first.
 */
export function tfjsSubject(name: string): EngineSubject {
  return {
    name,

    prepareMatmul(n: number): Prepared {
      const a = tf.tensor2d(uniformData(n * n, 1), [n, n]);
      const b = tf.tensor2d(uniformData(n * n, 2), [n, n]);
      const call = () => {
        const c = tf.matMul(a, b);
        c.dataSync();
        c.dispose();
      };
      return { call, dispose: () => tf.dispose([a, b]) };
    },

    prepareTrainStep(c: TrainCase): Prepared {
      const weights: tf.Variable[] = [];
      const biases: tf.Variable[] = [];
      for (let i = 0; i + 1 < c.widths.length; i++) {
        const [fanIn, fanOut] = [c.widths[i], c.widths[i + 1]];
        const bound = 1 / Math.sqrt(fanIn);
        weights.push(tf.variable(tf.tensor2d(uniformData(fanOut * fanIn, 10 + i).map((v) => v * bound), [fanOut, fanIn])));
        biases.push(tf.variable(tf.tensor1d(uniformData(fanOut, 20 + i).map((v) => v * bound))));
      }
      const out = c.widths[c.widths.length - 1];
      const x = tf.tensor2d(uniformData(c.batch * c.widths[0], 3), [c.batch, c.widths[0]]);
      const y = tf.tensor2d(uniformData(c.batch * out, 4), [c.batch, out]);
      const optimizer = tf.train.sgd(LEARNING_RATE);
      const variables = [...weights, ...biases];
      const loss = (): tf.Scalar => {
        let h: tf.Tensor = x;
        weights.forEach((w, i) => {
          h = tf.add(tf.matMul(h, w, false, true), biases[i]);
          if (i + 1 < weights.length) h = tf.relu(h);
        });
        return tf.mean(tf.squaredDifference(h, y));
      };
      const call = () => {
        tf.tidy(() => {
          optimizer.minimize(loss, false, variables);
        });
      };
      const dispose = () => {
        optimizer.dispose();
        tf.dispose([...variables, x, y]);
      };
      return { call, dispose };
    },
  };
}
