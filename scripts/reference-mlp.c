/*
 * C reference of the lab's trainer for `npm run bench` (scripts/reference.ts builds and runs it):
 * the same algorithm as src/core/models/{mlp,backprop,optimizer,trainer}.ts, written plainly so
 * the compiler (gcc/cc -O2 -ffp-contract=off) does the optimising. It reads one workload on stdin
 * and trains it `reps` times from the same initial weights, printing each run's seconds and, once,
 * the final weights' bits so the bench can check that C and JavaScript computed the same thing.
 *
 * Same algorithm, step by step (so that the final weights are bit-identical to the TypeScript's):
 *   - row order: a Fisher-Yates shuffle per epoch drawn from d3-random's randomLcg
 *     (state <- 0x19660D * state + 0x3C6EF35F mod 2^32, next = state / 2^32), seeded as
 *     createRng(seed) in src/core/rng.ts does (state = seed + 1), int(n) = floor(next * n);
 *   - per batch of rows: forward pass z_j = b_j + sum_i W[j][i] a_i (summed in i order),
 *     tanh(z) = 1 - 2 / (e^{2z} + 1) with fdlibm's exp (the portable one of src/core/math),
 *     softmax with the max shift, output error p - t, hidden errors
 *     delta_l[i] = (1 - a^2) sum_j W[j][i] delta_{l+1}[j] (summed in j order),
 *     gradient sums over the batch's rows in row order;
 *   - SGD: theta <- theta - (lr / rows) * gradSum.
 * No fused multiply-add (-ffp-contract=off), so every + and * rounds as in JavaScript.
 *
 * stdin (little-endian): int32 count, inputDims, hiddenCount, hidden[hiddenCount], classes,
 * batch, epochs, reps; uint32 seed; float64 learningRate, inputs[count*inputDims],
 * targets[count*classes], params[parameterCount].
 * stdout: one line per run "seconds", then one line of the final weights as 16-digit hex bits.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void readAll(void *into, size_t bytes) {
  if (fread(into, 1, bytes, stdin) != bytes) {
    fprintf(stderr, "reference-mlp: short input\n");
    exit(2);
  }
}

static int32_t readInt(void) {
  int32_t v;
  readAll(&v, 4);
  return v;
}

/* fdlibm's exp for finite |x| < 700 (expBounded in src/core/math/portable.ts, same operations). */
static double expBounded(double x) {
  const double LN2_HI = 6.9314718036912381649e-1, LN2_LO = 1.90821492927058770002e-10;
  const double INV_LN2 = 1.442695040888963387;
  const double P1 = 1.66666666666666019037e-1, P2 = -2.77777777770155933842e-3,
               P3 = 6.61375632143793436117e-5, P4 = -1.6533902205465251539e-6,
               P5 = 4.13813679705723846039e-8;
  double ax = x < 0 ? -x : x;
  if (ax < 3.725290298461914e-9) return 1 + x;
  if (ax <= 0.34657359027997264) {
    double t = x * x;
    double c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    return 1 - ((x * c) / (c - 2) - x);
  }
  int k = ax < 1.0397207708399179 ? (x > 0 ? 1 : -1) : (int)(INV_LN2 * x + (x < 0 ? -0.5 : 0.5));
  double hi = x - k * LN2_HI;
  double lo = k * LN2_LO;
  double r = hi - lo;
  double t = r * r;
  double c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  return (1 - (lo - (r * c) / (2 - c) - hi)) * ldexp(1.0, k);
}

static double tanhPortable(double x) {
  if (x > 19.061547465398498) return 1;
  if (x < -19.061547465398498) return -1;
  if (x != x) return x;
  return 1 - 2 / (expBounded(2 * x) + 1);
}

static uint32_t lcgState;
static double lcgNext(void) {
  lcgState = 0x19660Du * lcgState + 0x3C6EF35Fu;
  return lcgState * (1.0 / 4294967296.0);
}

int main(void) {
  int count = readInt(), inputDims = readInt(), hiddenCount = readInt();
  int layers = hiddenCount + 1;
  int *sizes = malloc(sizeof(int) * (layers + 1));
  sizes[0] = inputDims;
  for (int l = 1; l <= hiddenCount; l++) sizes[l] = readInt();
  int classes = readInt();
  sizes[layers] = classes;
  int batch = readInt(), epochs = readInt(), reps = readInt();
  uint32_t seed;
  readAll(&seed, 4);
  double rate;
  readAll(&rate, 8);

  int *wOff = malloc(sizeof(int) * layers), *bOff = malloc(sizeof(int) * layers);
  int *uOff = malloc(sizeof(int) * (layers + 1));
  int nParams = 0, units = 0;
  for (int l = 0; l <= layers; l++) {
    uOff[l] = units;
    units += sizes[l];
    if (l == layers) break;
    wOff[l] = nParams;
    bOff[l] = nParams + sizes[l] * sizes[l + 1];
    nParams += (sizes[l] + 1) * sizes[l + 1];
  }
  double *inputs = malloc(sizeof(double) * count * inputDims);
  double *targets = malloc(sizeof(double) * count * classes);
  double *init = malloc(sizeof(double) * nParams);
  readAll(inputs, sizeof(double) * count * inputDims);
  readAll(targets, sizeof(double) * count * classes);
  readAll(init, sizeof(double) * nParams);

  double *params = malloc(sizeof(double) * nParams), *grad = malloc(sizeof(double) * nParams);
  double *act = malloc(sizeof(double) * batch * units), *delta = malloc(sizeof(double) * batch * units);
  double *prob = malloc(sizeof(double) * classes);
  uint32_t *order = malloc(sizeof(uint32_t) * count);
  int batchesPerEpoch = (count + batch - 1) / batch;
  long steps = (long)epochs * batchesPerEpoch;

  for (int rep = 0; rep < reps; rep++) {
    memcpy(params, init, sizeof(double) * nParams);
    lcgState = seed + 1u; /* createRng: randomLcg(seed32 + 1) */
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int cursor = count;
    for (long step = 0; step < steps; step++) {
      if (cursor >= count) {
        for (int i = 0; i < count; i++) order[i] = i;
        for (int i = count - 1; i > 0; i--) {
          int j = (int)floor(lcgNext() * (i + 1));
          uint32_t tmp = order[i];
          order[i] = order[j];
          order[j] = tmp;
        }
        cursor = 0;
      }
      int end = cursor + batch < count ? cursor + batch : count;
      int rows = end - cursor;
      for (int r = 0; r < rows; r++) {
        int row = order[cursor + r];
        double *a = act + r * units, *d = delta + r * units;
        for (int i = 0; i < inputDims; i++) a[i] = inputs[row * inputDims + i];
        for (int l = 0; l < layers; l++) {
          int fanIn = sizes[l], fanOut = sizes[l + 1];
          const double *in = a + uOff[l];
          double *out = a + uOff[l + 1];
          for (int j = 0; j < fanOut; j++) {
            const double *w = params + wOff[l] + j * fanIn;
            double z = params[bOff[l] + j];
            for (int i = 0; i < fanIn; i++) z += w[i] * in[i];
            out[j] = l < layers - 1 ? tanhPortable(z) : z;
          }
        }
        /* softmax of the logits (finite here), then the output error p - t */
        const double *z = a + uOff[layers];
        double max = -INFINITY, sum = 0;
        for (int k = 0; k < classes; k++)
          if (z[k] > max) max = z[k];
        for (int k = 0; k < classes; k++) {
          double v = z[k] - max; /* <= 0; the portable exp gives 0 below its underflow bound */
          prob[k] = v < -7.4513321910194110842e2 ? 0 : expBounded(v);
          sum += prob[k];
        }
        double inv = 1 / sum;
        for (int k = 0; k < classes; k++) d[uOff[layers] + k] = prob[k] * inv - targets[row * classes + k];
        /* hidden errors, output side first */
        for (int l = layers - 1; l >= 1; l--) {
          int fanIn = sizes[l], fanOut = sizes[l + 1];
          const double *w = params + wOff[l];
          for (int i = 0; i < fanIn; i++) {
            double s = 0;
            for (int j = 0; j < fanOut; j++) s += w[j * fanIn + i] * d[uOff[l + 1] + j];
            double av = a[uOff[l] + i];
            d[uOff[l] + i] = (1 - av * av) * s;
          }
        }
      }
      /* gradient sums over the batch's rows, then the SGD step */
      for (int l = 0; l < layers; l++) {
        int fanIn = sizes[l], fanOut = sizes[l + 1];
        for (int j = 0; j < fanOut; j++) {
          double bias = 0;
          for (int r = 0; r < rows; r++) bias += delta[r * units + uOff[l + 1] + j];
          grad[bOff[l] + j] = bias;
          for (int i = 0; i < fanIn; i++) {
            double s = 0;
            for (int r = 0; r < rows; r++)
              s += delta[r * units + uOff[l + 1] + j] * act[r * units + uOff[l] + i];
            grad[wOff[l] + j * fanIn + i] = s;
          }
        }
      }
      double scaled = rate * (1.0 / rows);
      for (int p = 0; p < nParams; p++) params[p] -= scaled * grad[p];
      cursor = end;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("%.9f\n", (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) * 1e-9);
  }
  for (int p = 0; p < nParams; p++) {
    uint64_t bits;
    memcpy(&bits, &params[p], 8);
    printf(p ? " %016llx" : "%016llx", (unsigned long long)bits);
  }
  printf("\n");
  return 0;
}
