/**
 * Starts the simulation worker as an ES module worker. Vite sees the `new URL(..., import.meta.url)`
 * pattern and bundles sim.worker.ts (and the simulator) as a separate chunk, so the page's initial
 * JavaScript stays small and the simulator never runs on the main thread.
 */
export function spawnSimWorker(): Worker {
  return new Worker(new URL('./sim.worker.ts', import.meta.url), {
    type: 'module',
    name: 'extraction-lab-simulator',
  });
}
