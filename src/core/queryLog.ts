/**
 * The owner's log of every query the prediction API received: account, day, input, clean output,
 * served output, what happened, and the watermark label planted (if any). Columnar and growable,
 * so thousands of queries cost a few typed arrays.
 */
import type { QueryStatus } from './types';

/** No watermark planted on this answer. */
export const NO_WATERMARK = -1;

export class QueryLog {
  readonly dims: number;
  readonly classes: number;
  count = 0;
  account = new Uint32Array(64);
  day = new Uint16Array(64);
  status = new Uint8Array(64);
  inputs: Float64Array;
  clean: Float64Array;
  served: Float64Array;
  /** wrong label planted by the watermark, or NO_WATERMARK */
  planted = new Int16Array(64);

  constructor(dims: number, classes: number) {
    this.dims = dims;
    this.classes = classes;
    this.inputs = new Float64Array(64 * dims);
    this.clean = new Float64Array(64 * classes);
    this.served = new Float64Array(64 * classes);
  }

  private grow(): void {
    const capacity = this.account.length * 2;
    const resize = <T extends Float64Array | Uint32Array | Uint16Array | Uint8Array | Int16Array>(
      old: T,
      size: number,
    ): T => {
      const next = new (old.constructor as new (n: number) => T)(size);
      next.set(old);
      return next;
    };
    this.account = resize(this.account, capacity);
    this.day = resize(this.day, capacity);
    this.status = resize(this.status, capacity);
    this.planted = resize(this.planted, capacity);
    this.inputs = resize(this.inputs, capacity * this.dims);
    this.clean = resize(this.clean, capacity * this.classes);
    this.served = resize(this.served, capacity * this.classes);
  }

  /** Appends one entry and returns its index; the caller fills clean/served at that index. */
  append(
    account: number,
    day: number,
    status: QueryStatus,
    inputs: Float64Array,
    row: number,
  ): number {
    if (this.count === this.account.length) this.grow();
    const i = this.count++;
    this.account[i] = account;
    this.day[i] = day;
    this.status[i] = status;
    this.planted[i] = NO_WATERMARK;
    for (let d = 0; d < this.dims; d++)
      this.inputs[i * this.dims + d] = inputs[row * this.dims + d]!;
    return i;
  }
}
