import type { Sqlite } from './open';
import { stmt } from './sql';

/** The words of a search as typed: letters and digits, at most 12 words (NFKC, so ligatures and widths fold). */
function wordsOf(text: string | null | undefined): string[] | null {
  if (!text) return null;
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
  return words && words.length > 0 ? words.slice(0, 12) : null;
}

/**
 * contacts_fts and applications_fts keep each row under a key that sorts like its list's order
 * (migrations 0028 and 0030): order code << KEY_ID_BITS | id. FTS5 hands matches back in that order,
 * and the id comes out of the low bits (ids below 2^27). Keys pass 2^53: they are read in SQL only.
 */
export const KEY_ID_BITS = 27;
export const KEY_ID_MASK = 2 ** KEY_ID_BITS - 1;

/** The keys sharing one order code (a parameter such as '@code'): where a list's ties are read to their end. */
export const keyRunSql = (code: string) => `rowid BETWEEN (${code} << ${KEY_ID_BITS}) AND ((${code} << ${KEY_ID_BITS}) | ${KEY_ID_MASK})`;

const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;

/**
 * Turns what a person types into an FTS5 query: every word must match as a prefix, punctuation is
 * ignored, and nothing the user types can become FTS syntax. Returns null when nothing is searchable.
 */
export function ftsQuery(text: string | null | undefined): string | null {
  const words = wordsOf(text);
  return words ? words.map((w) => `${quote(w)}*`).join(' ') : null;
}

/** A word spelled out as more indexed words than this keeps its prefix form (FTS5 merges those itself). */
export const MAX_EXPANSION = 40;

/**
 * The same search as ftsQuery, with each prefix spelled out as the indexed words that start with it
 * ("kafka"* → ("kafka" OR "kafkaesque")), read from search_terms (migration 0027). FTS5 reads exact
 * words lazily, so ORDER BY rowid DESC LIMIT n and a capped count stop early; a prefix term makes it
 * read and merge every row of every word with that prefix first, which grows with the book.
 * The typed word is folded by the indexes' own tokenizer (a temporary FTS5 table of this connection),
 * so "Zür" looks up "zur" exactly as the index stored it. A word that folds to several tokens, or
 * starts more than MAX_EXPANSION words, keeps its prefix form: slower, never different.
 */
export function ftsMatch(sqlite: Sqlite, text: string | null | undefined): string | null {
  const words = wordsOf(text);
  if (!words) return null;
  const folded = fold(sqlite, words);
  return words
    .map((w, i) => {
      const tokens = folded[i];
      if (tokens.length !== 1) return `${quote(w)}*`;
      const terms = stmt<{ term: string }>(sqlite, 'SELECT term FROM search_terms WHERE term >= @lo AND term < @hi ORDER BY term LIMIT @limit')
        .all({ lo: tokens[0], hi: tokens[0] + '\u{10FFFF}', limit: MAX_EXPANSION + 1 })
        .map((r) => r.term);
      // None: no indexed word starts with it, and the prefix form finds nothing, at once.
      if (terms.length === 0 || terms.length > MAX_EXPANSION) return `${quote(w)}*`;
      return terms.length === 1 ? quote(terms[0]) : `(${terms.map(quote).join(' OR ')})`;
    })
    .join(' AND ');
}

const folding = new WeakSet<Sqlite>();

/** Each word's tokens as the indexes store them (lower case, diacritics removed), by FTS5 itself. */
function fold(sqlite: Sqlite, words: string[]): string[][] {
  if (!folding.has(sqlite)) {
    // Temporary: this connection's own, never in the file; writing it needs no write lock on the book.
    sqlite.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_fold USING fts5(word, content = '', tokenize = 'unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_fold_terms USING fts5vocab(temp, search_fold, instance);`);
    folding.add(sqlite);
  }
  const add = stmt(sqlite, 'INSERT INTO temp.search_fold (rowid, word) VALUES (?, ?)');
  words.forEach((w, i) => add.run(i + 1, w));
  const rows = stmt<{ term: string; doc: number }>(sqlite, 'SELECT term, doc FROM temp.search_fold_terms ORDER BY doc, "offset"').all();
  stmt(sqlite, "INSERT INTO temp.search_fold (search_fold) VALUES ('delete-all')").run();
  const out = words.map(() => [] as string[]);
  for (const r of rows) out[r.doc - 1].push(r.term);
  return out;
}

/** Escapes a LIKE pattern for use with ESCAPE '\'. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}
