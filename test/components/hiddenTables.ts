/** Waits for a chart's hidden data tables, which follow the chart at the next idle moment. */
import { vi } from 'vitest';

export async function hiddenTablesShown(container: Element): Promise<void> {
  await vi.waitFor(() => {
    if (!container.querySelector('.visually-hidden table')) throw new Error('no hidden table yet');
  });
}
