/**
 * A fake AttackContext (src/core/attacks/context.ts) for testing strategies alone: no victim, no
 * API, no training. It records every call (ask, fit, pool) with the budget left at that moment,
 * answers with labels from a rule, refuses the queries a rule says, and serves a student whose
 * predictions and input gradients the test chooses.
 */
import { defaultConfig, setPath, type Config } from '../../../src/core/config';
import type { AskResult, AttackContext, StudentView } from '../../../src/core/attacks/context';
import { createRng, type Rng } from '../../../src/core/rng';
import type { InputBox } from '../../../src/core/types';

export interface AskCall {
  /** the count the strategy asked for */
  requested: number;
  /** remaining() when it asked */
  remainingBefore: number;
  /** the rows it sent (after cutting to the budget), copied */
  rows: number[][];
  result: AskResult;
}

export interface FakeStudentSpec {
  /** class probabilities of one input (length = classes) */
  probabilities(x: readonly number[], fits: number): number[];
  /** d p_c / d x at one input (length = dims) */
  gradient?(x: readonly number[], classIndex: number, fits: number): number[];
}

export interface FakeContextOptions {
  budget: number;
  dims?: number;
  classes?: number;
  box?: InputBox;
  seed?: number;
  /** config fields to set (dotted path -> value) */
  set?: Record<string, unknown>;
  /** the served label of an input (default: 0 when x0 >= 0, else 1) */
  label?(x: readonly number[]): number;
  /** true when the API refuses the query with this global index (default: never) */
  refuse?(index: number, x: readonly number[]): boolean;
  /** the attacker's pool: point `index` of all points drawn so far (default: seeded uniform) */
  poolPoint?(index: number, rng: Rng): number[];
  student?: FakeStudentSpec;
}

export class FakeContext implements AttackContext {
  readonly config: Config;
  readonly box: InputBox;
  readonly dims: number;
  readonly classes: number;
  readonly rng: Rng;
  readonly student: StudentView;
  readonly asks: AskCall[] = [];
  /** the number of queries sent when each fit() was called */
  readonly fits: number[] = [];
  /** each pool() call: requested count and the points returned */
  readonly pools: { count: number; points: number[][] }[] = [];
  /** every event in order: 'ask', 'fit', 'pool' */
  readonly events: string[] = [];
  /** student.predict and inputGradient calls, with the number of fits before them */
  readonly predictions: { rows: number; fits: number }[] = [];
  readonly gradients: { x: number[]; classIndex: number }[] = [];
  sent = 0;
  private poolDrawn = 0;
  private readonly options: FakeContextOptions;
  private readonly poolRng: Rng;

  constructor(options: FakeContextOptions) {
    this.options = options;
    this.dims = options.dims ?? 2;
    this.classes = options.classes ?? 3;
    this.box = options.box ?? { min: [-1, -1], max: [1, 1] };
    this.rng = createRng(options.seed ?? 1);
    this.poolRng = createRng((options.seed ?? 1) + 1000);
    let config = setPath(defaultConfig(), 'attack.queries', options.budget);
    for (const [path, value] of Object.entries(options.set ?? {}))
      config = setPath(config, path, value);
    this.config = config;
    this.student = this.makeStudent(options.student);
  }

  private row(inputs: Float64Array, row: number): number[] {
    return Array.from(inputs.subarray(row * this.dims, (row + 1) * this.dims));
  }

  private makeStudent(spec: FakeStudentSpec | undefined): StudentView {
    const { dims, classes } = this;
    const probabilities =
      spec?.probabilities ?? (() => new Array<number>(classes).fill(1 / classes));
    return {
      inputDims: dims,
      classes,
      predict: (inputs, count, out, offset = 0) => {
        this.predictions.push({ rows: count, fits: this.fits.length });
        for (let r = 0; r < count; r++) {
          const p = probabilities(this.row(inputs, offset + r), this.fits.length);
          for (let c = 0; c < classes; c++) out[r * classes + c] = p[c]!;
        }
      },
      inputGradient: (inputs, offset, classIndex, out) => {
        const x = this.row(inputs, offset);
        this.gradients.push({ x, classIndex });
        const g = spec?.gradient?.(x, classIndex, this.fits.length) ?? new Array(dims).fill(0);
        for (let d = 0; d < dims; d++) out[d] = g[d]!;
      },
    };
  }

  remaining(): number {
    return this.options.budget - this.sent;
  }

  ask(inputs: Float64Array, count: number): AskResult {
    const { classes } = this;
    const remainingBefore = this.remaining();
    const sent = Math.max(0, Math.min(count, remainingBefore));
    const result: AskResult = {
      sent,
      answered: new Uint8Array(sent),
      served: new Float64Array(sent * classes),
      servedLabels: new Uint8Array(sent).fill(255),
    };
    const rows: number[][] = [];
    const label = this.options.label ?? ((x) => (x[0]! >= 0 ? 0 : 1));
    for (let i = 0; i < sent; i++) {
      const x = this.row(inputs, i);
      rows.push(x);
      if (!this.options.refuse?.(this.sent, x)) {
        const y = label(x);
        result.answered[i] = 1;
        result.servedLabels[i] = y;
        result.served[i * classes + y] = 1;
      }
      this.sent++;
    }
    this.asks.push({ requested: count, remainingBefore, rows, result });
    this.events.push('ask');
    return result;
  }

  fit(): void {
    this.fits.push(this.sent);
    this.events.push('fit');
  }

  pool(count: number): Float64Array {
    const points: number[][] = [];
    for (let i = 0; i < count; i++) {
      const point =
        this.options.poolPoint?.(this.poolDrawn, this.poolRng) ??
        Array.from({ length: this.dims }, () => this.poolRng.uniform(-1, 1));
      this.poolDrawn++;
      points.push(point);
    }
    this.pools.push({ count, points });
    this.events.push('pool');
    return Float64Array.from(points.flat());
  }

  /** Every row sent, in order. */
  get sentRows(): number[][] {
    return this.asks.flatMap((a) => a.rows);
  }

  /** The rows the API answered, in order, with their served labels. */
  get answeredRows(): { x: number[]; label: number }[] {
    return this.asks.flatMap((a) =>
      a.rows.flatMap((x, i) =>
        a.result.answered[i] ? [{ x, label: a.result.servedLabels[i]! }] : [],
      ),
    );
  }
}
