/**
 * The charts only some runs show, loaded on demand (./onDemand.ts): the frontier (drawn once a
 * sweep has run), the detection timeline (detection on), and the credit and chat kinds' views;
 * and the ledger, which every run shows but below the maps: it is fetched as soon as the page
 * mounts, while the worker computes the first run, so it is there when the first result is.
 * Each has a stand-in of the same name in this folder that forwards its props, so a panel imports
 * `./lazy/Frontier.svelte` instead of `./charts/Frontier.svelte` and nothing else changes.
 */
import type { Component } from 'svelte';
import { onDemand, prefetchEachWhenIdle, type IdleHost } from './onDemand';

/** A chart loaded on demand. */
export type DeferredChart =
  | 'frontier'
  | 'detectionTimeline'
  | 'creditCharts'
  | 'chatTranscript'
  | 'chatSideBySide'
  | 'stealingSpectrum'
  | 'campaignClusters'
  | 'ledger'
  | 'limits';

// The stand-ins type the props; the loader only moves components around.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyComponent = Component<any>;

export const DEFERRED_CHARTS = onDemand<DeferredChart, AnyComponent>({
  frontier: () => import('../charts/Frontier.svelte'),
  detectionTimeline: () => import('../charts/DetectionTimeline.svelte'),
  creditCharts: () => import('../credit/CreditCharts.svelte'),
  chatTranscript: () => import('../chat/ChatTranscript.svelte'),
  chatSideBySide: () => import('../chat/ChatSideBySide.svelte'),
  stealingSpectrum: () => import('../chat/StealingSpectrum.svelte'),
  campaignClusters: () => import('../chat/CampaignClusters.svelte'),
  ledger: () => import('../charts/Ledger.svelte'),
  limits: () => import('../panels/LimitsPanel.svelte'),
});

/**
 * Fetches the ledger now and every other deferred chart once the page has settled (after the
 * first run), so switching a defense or a scenario kind later draws at once.
 * @param host the window
 */
export function prefetchChartsWhenIdle(host: IdleHost): void {
  DEFERRED_CHARTS.prefetch('ledger');
  prefetchEachWhenIdle(host, DEFERRED_CHARTS, DEFERRED_CHARTS.parts);
}
