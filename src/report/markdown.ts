/**
 * Markdown cells that read the same in every renderer: escaped syntax, and Arabic runs isolated
 * so they do not reorder the table around them (Unicode Bidirectional Algorithm, UAX #9 §2.7:
 * FSI U+2068 … PDI U+2069).
 */

const FSI = '\u2068';
const PDI = '\u2069';
/** Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, N'Ko and the Arabic presentation forms. */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const LTR = /[A-Za-z\u00C0-\u024F]/;

/** Escape Markdown syntax and HTML in one text cell; newlines become spaces. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|]/g, (c) => `\\${c}`);
}

/** Does the text hold right-to-left letters? */
export function hasRtl(text: string): boolean {
  return RTL.test(text);
}

/**
 * A right-to-left run: from an RTL letter to the last RTL letter before the next Latin letter
 * (spaces, digits and punctuation between Arabic words stay inside the run).
 */
const RTL_RUN = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF](?:[^A-Za-z\u00C0-\u024F\u2068\u2069]*[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF])?/g;

/**
 * Wrap each right-to-left run in first-strong isolates, so an Arabic title or term inside an
 * English table keeps its own order and does not pull neighbouring text, cells or digits along.
 */
export function isolate(text: string): string {
  return hasRtl(text) ? text.replace(RTL_RUN, (run) => `${FSI}${run}${PDI}`) : text;
}

/** Escape then isolate: the form every free-text table cell takes. */
export function cell(text: string): string {
  return isolate(escapeMarkdown(text));
}

/** A Markdown table; `align` per column ('l' or 'r'). Cells must already be escaped. */
export function table(header: readonly string[], rows: readonly string[][], align?: readonly ('l' | 'r')[]): string {
  if (rows.length === 0) return '_None._\n';
  const rule = header.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  const lines = [header, rule, ...rows].map((row) => `| ${row.join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

/** Is the text mixed-script (both Latin and RTL letters)? Used by tests and the report notes. */
export function isMixedScript(text: string): boolean {
  return RTL.test(text) && LTR.test(text);
}
