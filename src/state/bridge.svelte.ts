/**
 * The one bridge from the zustand store to Svelte 5 runes. zustand's `subscribe` does not call the
 * listener at once, so `.current` reads `getState()` directly (always fresh, seeded at creation)
 * and `createSubscriber` makes every reader re-run when the store changes, subscribing only while
 * something reads it.
 */
import { createSubscriber } from 'svelte/reactivity';
import type { StoreApi } from 'zustand/vanilla';

export interface Reactive<T> {
  /** the store's current state; reading it inside an effect or template tracks it */
  readonly current: T;
}

export function fromStore<T>(store: StoreApi<T>): Reactive<T> {
  const subscribe = createSubscriber((update) => store.subscribe(update));
  return {
    get current() {
      subscribe();
      return store.getState();
    },
  };
}
