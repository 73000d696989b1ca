// Types of browser.mjs for the TypeScript test files that import it.
export function findChromium(): { kind: 'env' | 'playwright' | 'system'; path: string } | null;
export function findFirefox(): { kind: 'env' | 'system'; path: string } | null;
export const NO_FIREFOX_NOTE: string;
