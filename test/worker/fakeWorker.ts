/** A Worker stand-in for the client's tests: records what it is sent; the test decides what it replies and when. */
import type { WorkerLike } from '../../src/worker/client';
import type { WorkerReply, WorkerRequest } from '../../src/worker/protocol';

export class FakeWorker implements WorkerLike {
  sent: WorkerRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  postMessage(message: WorkerRequest): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(data: WorkerReply): void {
    this.onmessage?.({ data } as MessageEvent<WorkerReply>);
  }
  crash(message: string): void {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
  runIds(): number[] {
    return this.sent.filter((m) => m.type === 'run').map((m) => m.id);
  }
}
