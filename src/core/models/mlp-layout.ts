/**
 * The shape of a multilayer perceptron: its spec, where every weight lives in the one flat
 * parameter array, and how the weights start. The network itself (forward, backward) is in mlp.ts.
 *
 * Parameter layout (`params`), with sizes n = [inputDims, ...hidden, classes] and L = n.length - 1
 * weight layers, for l = 0 .. L-1 in order:
 *   W_l: n[l+1] x n[l], row-major; W_l[j][i] (input unit i -> unit j) at weightOffset[l] + j*n[l] + i
 *   b_l: n[l+1] entries, at biasOffset[l] = weightOffset[l] + n[l+1]*n[l]
 * Example 2-16-16-2: W_0 at 0 (32), b_0 at 32 (16), W_1 at 48 (256), b_1 at 304 (16), W_2 at 320
 * (32), b_2 at 352 (2); 354 parameters. A model is therefore plain data { spec, params } that
 * survives structured clone (Web Worker messages) unchanged.
 */
import type { Activation } from '../config';
import type { Rng } from '../rng';

/** The architecture: everything needed to rebuild the network except its weights. */
export interface MlpSpec {
  inputDims: number;
  /** hidden layer sizes, input side first; [] is softmax (multinomial logistic) regression */
  hidden: number[];
  classes: number;
  activation: Activation;
}

/** A model as plain, structured-clonable data. */
export interface MlpWeights {
  spec: MlpSpec;
  /** all weights and biases, in the layout documented at the top of this file */
  params: Float64Array;
}

/** Where each layer lives in `params` and in the per-unit activation buffers. */
export interface MlpLayout {
  /** units per layer: [inputDims, ...hidden, classes] */
  sizes: number[];
  /** start of W_l in params, per weight layer l */
  weightOffset: number[];
  /** start of b_l in params, per weight layer l */
  biasOffset: number[];
  /** start of layer l's units in a flat activation buffer, per layer (sizes.length entries) */
  unitOffset: number[];
  parameterCount: number;
  unitCount: number;
}

/** Checks a spec and names the offending field; throws RangeError (a programming error, not user input). */
export function validateSpec(spec: MlpSpec): void {
  const positive = (value: number, field: string) => {
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`MlpSpec.${field} must be a positive integer, got ${value}`);
    }
  };
  positive(spec.inputDims, 'inputDims');
  spec.hidden.forEach((units, index) => positive(units, `hidden[${index}]`));
  positive(spec.classes, 'classes');
  if (spec.classes < 2)
    throw new RangeError(`MlpSpec.classes must be at least 2, got ${spec.classes}`);
  if (spec.activation !== 'tanh' && spec.activation !== 'relu') {
    throw new RangeError(
      `MlpSpec.activation must be 'tanh' or 'relu', got ${String(spec.activation)}`,
    );
  }
}

/** Computes the parameter layout of a spec (see the file header). */
export function mlpLayout(spec: MlpSpec): MlpLayout {
  validateSpec(spec);
  const sizes = [spec.inputDims, ...spec.hidden, spec.classes];
  const weightOffset: number[] = [];
  const biasOffset: number[] = [];
  const unitOffset: number[] = [];
  let parameterCount = 0;
  let unitCount = 0;
  for (let l = 0; l < sizes.length; l++) {
    unitOffset.push(unitCount);
    unitCount += sizes[l]!;
    if (l === sizes.length - 1) break;
    const fanIn = sizes[l]!;
    const fanOut = sizes[l + 1]!;
    weightOffset.push(parameterCount);
    biasOffset.push(parameterCount + fanIn * fanOut);
    parameterCount += (fanIn + 1) * fanOut;
  }
  return { sizes, weightOffset, biasOffset, unitOffset, parameterCount, unitCount };
}

/**
 * Initial weights: hidden layers followed by tanh use Glorot/Xavier uniform, U(-r, r) with
 * r = sqrt(6 / (fanIn + fanOut)) (Glorot and Bengio 2010); hidden layers followed by ReLU use He
 * normal, N(0, 2 / fanIn) (He et al. 2015). The output layer feeds a softmax, not a ReLU, so it is
 * Glorot in both cases. Biases start at 0. Draws go layer by layer in layout order.
 */
export function initialParams(spec: MlpSpec, rng: Rng): Float64Array {
  const layout = mlpLayout(spec);
  const params = new Float64Array(layout.parameterCount);
  const layers = layout.sizes.length - 1;
  for (let l = 0; l < layers; l++) {
    const fanIn = layout.sizes[l]!;
    const fanOut = layout.sizes[l + 1]!;
    const start = layout.weightOffset[l]!;
    const end = start + fanIn * fanOut;
    const isHidden = l < layers - 1;
    if (isHidden && spec.activation === 'relu') {
      const std = Math.sqrt(2 / fanIn);
      for (let w = start; w < end; w++) params[w] = std * rng.normal();
    } else {
      const range = Math.sqrt(6 / (fanIn + fanOut));
      for (let w = start; w < end; w++) params[w] = rng.uniform(-range, range);
    }
  }
  return params;
}
