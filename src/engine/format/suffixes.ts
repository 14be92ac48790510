import { LINE_WIDTH } from './layout.js';

/**
 * torch's `_add_suffixes`: each suffix follows `, ` or, when it would pass the line width,
 * starts a new line at `indent`. The `+ 1` in the last-line length is torch's own quirk
 * (so a line without a newline counts 2 more than its length); it decides where suffixes
 * wrap and must be kept.
 */
export function addSuffixes(body: string, suffixes: readonly string[], indent: number): string {
  let lastLineLength = body.length - body.lastIndexOf('\n') + 1;
  let out = body;
  for (const suffix of suffixes) {
    if (lastLineLength + suffix.length + 2 > LINE_WIDTH) {
      out += ',\n' + ' '.repeat(indent) + suffix;
      lastLineLength = indent + suffix.length;
    } else {
      out += ', ' + suffix;
      lastLineLength += suffix.length + 2;
    }
  }
  return out + ')';
}
