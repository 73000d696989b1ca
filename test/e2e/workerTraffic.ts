// Records every message between a page and its workers, for tests that check the order of work
// (pool.spec.ts) or must say what the engine was doing when a page did not settle
// (determinism-firefox.spec.ts). `recordWorkerTraffic` runs in the page before its own scripts
// (Playwright's addInitScript, puppeteer's evaluateOnNewDocument): it is serialised, so it uses
// nothing from this module.

/** One message, a worker's creation or its end, as the page saw it. */
export interface Traffic {
  /** ms since the page's start */
  t: number;
  /** the worker's number, in order of creation */
  w: number;
  dir: 'new' | 'out' | 'in' | 'error' | 'terminate';
  type?: string;
  id?: number;
  /** a progress fraction, a result's role or kind */
  extra?: string | number;
  /** alive messages so far (they are counted, not listed) */
  alive: number;
}

/** Wraps the page's Worker so that window.workerTraffic lists its traffic. */
export function recordWorkerTraffic(): void {
  const log: Traffic[] = [];
  (window as unknown as { workerTraffic: Traffic[] }).workerTraffic = log;
  const Base = window.Worker;
  let count = 0;
  let alive = 0;
  const note = (w: number, dir: Traffic['dir'], data?: unknown) => {
    const d = (data ?? {}) as { type?: string; id?: number } & Record<string, unknown>;
    if (d.type === 'alive') {
      alive++;
      return;
    }
    const extra = (d.fraction ?? d.role ?? d.kind) as string | number | undefined;
    log.push({ t: Math.round(performance.now()), w, dir, type: d.type, id: d.id, extra, alive });
  };
  window.Worker = class extends Base {
    readonly index = count++;
    constructor(...args: ConstructorParameters<typeof Worker>) {
      super(...args);
      note(this.index, 'new');
      this.addEventListener('message', (event: MessageEvent) => note(this.index, 'in', event.data));
      this.addEventListener('error', () => note(this.index, 'error'));
    }
    override postMessage(message: unknown, transfer?: unknown): void {
      note(this.index, 'out', message);
      super.postMessage(message, transfer as Transferable[]);
    }
    override terminate(): void {
      note(this.index, 'terminate');
      super.terminate();
    }
  };
}

/** The traffic recorded so far (run in the page). */
export function readWorkerTraffic(): Traffic[] {
  return (window as unknown as { workerTraffic?: Traffic[] }).workerTraffic ?? [];
}

/** One line per entry, for an error message. */
export const trafficLines = (traffic: readonly Traffic[]): string[] =>
  traffic.map((m) =>
    [m.t, `w${m.w}`, m.dir, m.type ?? '', m.id ?? '', m.extra ?? '', `alive so far ${m.alive}`]
      .join(' ')
      .replace(/ +/g, ' '),
  );
