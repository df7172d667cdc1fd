/**
 * Turns what a person types into an FTS5 query: every word must match as a prefix, punctuation is
 * ignored, and nothing the user types can become FTS syntax. Returns null when nothing is searchable.
 */
export function ftsQuery(text: string | null | undefined): string | null {
  if (!text) return null;
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length === 0) return null;
  return words
    .slice(0, 12)
    .map((w) => `"${w}"*`)
    .join(' ');
}

/** Escapes a LIKE pattern for use with ESCAPE '\'. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}
