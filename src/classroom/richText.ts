/**
 * Lesson text: paragraphs separated by a blank line, **bold** spans, glossary links written
 * `[[shown words|glossary-id]]` (src/classroom/glossary.ts), and nothing else, so a lesson file can
 * never inject markup (the page renders the pieces as text, never as HTML).
 */

export interface TextSpan {
  text: string;
  bold: boolean;
  /** the glossary entry the words link to (a term span is never bold) */
  term?: string;
  /** punctuation right after a term, kept on its line (a button is a place a line may break) */
  after?: string;
}

/** `**bold**` or `[[words|id]]` (the id: lower-case letters, digits and -). */
const SPAN = /\*\*(.+?)\*\*|\[\[([^\]|]+)\|([a-z0-9-]+)\]\]/g;

/** Splits text into paragraphs of spans. An unmatched ** or [[ is kept as plain text. */
export function richParagraphs(text: string): TextSpan[][] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => {
      const spans: TextSpan[] = [];
      let at = 0;
      for (const match of paragraph.matchAll(SPAN)) {
        const index = match.index ?? 0;
        if (index > at) spans.push({ text: paragraph.slice(at, index), bold: false });
        if (match[1] !== undefined) spans.push({ text: match[1], bold: true });
        else spans.push({ text: match[2] ?? '', bold: false, term: match[3] ?? '' });
        at = index + match[0].length;
      }
      if (at < paragraph.length) spans.push({ text: paragraph.slice(at), bold: false });
      // Punctuation after a term travels with it: "its reasoning, then" never breaks before ",".
      spans.forEach((span, i) => {
        const next = spans[i + 1];
        const mark =
          span.term !== undefined && next && !next.bold ? /^[,.;:!?)]+/.exec(next.text) : null;
        if (!mark || !next) return;
        span.after = mark[0];
        next.text = next.text.slice(mark[0].length);
      });
      return spans.filter((span) => span.text !== '' || span.term !== undefined);
    });
}

/** The glossary ids a text links to, in order (the lesson validator checks each resolves). */
export function termLinks(text: string): string[] {
  return richParagraphs(text).flatMap((spans) =>
    spans.flatMap((span) => (span.term !== undefined ? [span.term] : [])),
  );
}
