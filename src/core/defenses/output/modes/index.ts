/**
 * The answer formats, one line each (the order of the page's menu and of the "answer format"
 * sweep). A new format is one module in this folder and one line here (CONTRIBUTING.md).
 */
import type { OutputMode } from '../../../config/schema';
import type { OutputModePlugin } from '../section';
import { label } from './label';
import { mad } from './mad';
import { misinformation } from './misinformation';
import { logprobs } from './logprobs';
import { noise } from './noise';
import { probabilities } from './probabilities';
import { reverseSigmoid } from './reverseSigmoid';
import { rounded } from './rounded';
import { text } from './text';
import { topk } from './topk';
import { topLogprobs } from './topLogprobs';

export const OUTPUT_MODES: readonly OutputModePlugin[] = [
  probabilities,
  rounded,
  topk,
  label,
  noise,
  reverseSigmoid,
  misinformation,
  mad,
  text,
  topLogprobs,
  logprobs,
];

/** Output modes by id (a Map: user text never reaches inherited properties). */
export const OUTPUT_MODE_BY_ID: ReadonlyMap<string, OutputModePlugin> = new Map(
  OUTPUT_MODES.map((m) => [m.id, m]),
);

/** The mode of an id known to be valid (the config was validated). */
export function outputMode(id: OutputMode): OutputModePlugin {
  const mode = OUTPUT_MODE_BY_ID.get(id);
  if (!mode) throw new Error(`unknown output mode ${id}`);
  return mode;
}
