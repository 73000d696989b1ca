/**
 * WebAssembly (128-bit SIMD, f64x2) kernels of the chat scenario's window language model
 * (src/core/scenarios/chat/lm.ts, WindowLm): the forward pass of a batch of windows (the per-position
 * input-table gather, the hidden layer, tanh or ReLU, the output logits), the batch gradient of the
 * softmax cross-entropy against hard tokens or soft targets (train.ts), and the Adam step that also
 * clears the gradient for the next batch. src/core/scenarios/chat/lmKernels.ts drives them.
 *
 * Same bits as the TypeScript oracle: every sum keeps the oracle's order and the two lanes of a
 * vector always carry two independent sums, never added to each other:
 *   - hidden, z_h = b_h + E[0][c_0][h] + .. + E[W-1][c_{W-1}][h]: lanes are units h, h+1 (adjacent in
 *     a table row), positions added in order; activations stored row-major ("act", Hp per row,
 *     Hp = H rounded up to even) and again by pairs of rows ("pairs": rows 2q, 2q+1 of unit h at
 *     pairs + (q H + h) 2);
 *   - logits, z_v = b_v + sum_h U[v][h] a_h, h in order: lanes are two rows of the batch;
 *   - output weight gradient, sum_b delta_b[v] a_b[h] over the batch's rows in order from 0: lanes
 *     are units h, h+1;
 *   - hidden error, dA_h = sum over v in blocks of four of (((d0 U0h + d1 U1h) + d2 U2h) + d3 U3h),
 *     then the remaining v one by one (the oracle's unrolled loop): lanes are units h, h+1;
 *   - input tables, grad E[p][c_p] += dZ for each row then position in order (grad starts at 0).
 * An odd H leaves a padding lane; it computes throw-away values that are never stored where a
 * parameter or gradient lives (odd tails are stored one lane at a time). No fused multiply-add, no
 * relaxed SIMD: Node and every browser run the same module and get the same bits.
 *
 * Shapes: V tokens, W window positions, H hidden units; params as lm.ts (tables [W][V][H] at 0,
 * hidden bias [H], output weights [V][H], output bias [V]), padded by two doubles. Pointers are
 * byte addresses in this module's memory; windows and example indices are i32.
 */
export { lmForward, lmForwardOne } from './lm-forward';
export { lmExpInPlace, lmSample } from './lm-softmax';
export { lmAdamStep, lmGradient } from './lm-train';
