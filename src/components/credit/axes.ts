/**
 * The credit slice's axes (CreditSlice.svelte): a standardised coordinate back in the feature's
 * own unit, as short text for ticks and read-outs. Plain TypeScript, no Svelte.
 */
import { format } from 'd3-format';
import type { CreditFeatureInfo } from '../../core/scenarios/credit/types';

const thousands = format('.3~s');

/**
 * `x` (standardised, x = (value - mean) / sd) as the feature's real value: "45k" from 1,000 up,
 * whole numbers from 10, else up to `digits` decimals.
 */
export function realText(feature: CreditFeatureInfo, x: number, digits = 1): string {
  const value = feature.mean + feature.sd * x;
  const size = Math.abs(value);
  if (size >= 1000) return thousands(value);
  if (size >= 10) return format(',.0f')(value);
  return format(`.${digits}~f`)(value);
}
