// The runs the page-equals-CLI tests compare, in Chromium (determinism.spec.ts) and in Firefox
// (determinism-firefox.spec.ts), and the CLI's answer for a share link.
import { spawnSync } from 'node:child_process';

/** Long training on purpose: it amplified engine differences in Math.exp before core/math/portable. */
export const LONG_RUN =
  '#v=1&d=blobs&a=active&sh=32x32x32&se=150&wm=1&wr=0.1&om=noise&dt=1&q=600&ac=2&rl=1&rd=250';

/** The chat scenario (issue 12): soft targets and hidden reasoning, 300 prompts; the worker
 * fetches the teacher's weights (public/models/), the CLI reads them. */
export const CHAT_RUN = '#v=2&k=chat&a=taskPrompts&q=300&om=topLogprobs&cr=hidden';

/** A chat run on text answers (hard targets) with an odd student width (the kernels' padding lanes,
 * assembly/lm.ts), 300 prompts. */
export const CHAT_TEXT_RUN = '#v=2&k=chat&a=taskPrompts&q=300&kh=23';

export const DETERMINISM_CASES = [
  ['default settings', ''],
  ['a long, fully defended run', LONG_RUN],
  ['a chat run (top log-probabilities, reasoning hidden)', CHAT_RUN],
  ['a chat run (text, 23 student units)', CHAT_TEXT_RUN],
] as const;

/** `npm run sim -- --link <link>`: exit status, parsed stdout (when it exited 0) and stderr. */
export function simulateLink(link: string): {
  status: number | null;
  json: unknown;
  stderr: string;
} {
  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', '--link', link], {
    encoding: 'utf8',
    timeout: 90_000,
  });
  return {
    status: cli.status,
    json: cli.status === 0 ? JSON.parse(cli.stdout) : null,
    stderr: cli.stderr,
  };
}
