/**
 * The iframe snippet a course author pastes into a page: the lab's link with the view keys
 * (embed parts, locks, hidden controls), and a few lines of script that size the frame from the
 * lab's height messages (src/classroom/height.ts), checking that each message comes from that frame.
 */
import { formatViewFlags, type ViewFlags } from './viewFlags';
import { HEIGHT_MESSAGE } from './height';

export interface EmbedOptions {
  /** the page's URL without its fragment, e.g. https://example.org/lab/ */
  pageUrl: string;
  /** the settings part of the link, e.g. "#v=1&om=label" */
  settingsHash: string;
  flags: ViewFlags;
  /** iframe height before the first message, CSS px */
  height: number;
  /** id of the iframe in the host page */
  frameId?: string;
}

/** The embed link: page URL, settings, then the view keys. */
export function embedUrl(options: EmbedOptions): string {
  const page = options.pageUrl.split('#')[0] ?? options.pageUrl;
  const settings = options.settingsHash.startsWith('#')
    ? options.settingsHash
    : `#${options.settingsHash}`;
  return `${page}${settings}${formatViewFlags(options.flags)}`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The HTML to paste: the iframe and its resizing script. */
export function embedSnippet(options: EmbedOptions): string {
  const id = options.frameId ?? 'extraction-lab';
  const height = Math.round(options.height);
  return [
    `<iframe id="${id}" src="${escapeAttribute(embedUrl(options))}" title="Extraction Lab: model stealing, hands on" width="100%" height="${height}" loading="lazy"></iframe>`,
    '<script>',
    "  addEventListener('message', (event) => {",
    `    const frame = document.getElementById('${id}');`,
    `    if (event.source === frame.contentWindow && event.data && event.data.type === '${HEIGHT_MESSAGE}')`,
    "      frame.style.height = event.data.height + 'px';",
    '  });',
    '</script>',
  ].join('\n');
}
