/**
 * Lesson text: paragraphs separated by a blank line, **bold** spans, and nothing else, so a lesson
 * file can never inject markup (the page renders the pieces as text, never as HTML).
 */

export interface TextSpan {
  text: string;
  bold: boolean;
}

/** Splits text into paragraphs of spans. An unmatched ** is kept as plain text. */
export function richParagraphs(text: string): TextSpan[][] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => {
      const spans: TextSpan[] = [];
      const pattern = /\*\*(.+?)\*\*/g;
      let at = 0;
      for (const match of paragraph.matchAll(pattern)) {
        const index = match.index ?? 0;
        if (index > at) spans.push({ text: paragraph.slice(at, index), bold: false });
        spans.push({ text: match[1] ?? '', bold: true });
        at = index + match[0].length;
      }
      if (at < paragraph.length) spans.push({ text: paragraph.slice(at), bold: false });
      return spans;
    });
}
