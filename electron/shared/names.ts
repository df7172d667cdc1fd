// Structured names: given and family name as entered, the order they are written in, the display name
// derived from them, the name a greeting uses, and the one split of a typed name we dare to make.
// Pure; the renderer (contact form, quick capture) and the main process share it.
import type { NameOrder } from './domain';
import { firstNameOf } from './merge';

/**
 * Han (with extension A and compatibility ideographs), Hiragana, Katakana and Hangul syllables: the
 * scripts whose names are written family name first. drizzle/0007_contact_channels.sql sets
 * name_order for existing contacts with the same ranges (as a GLOB class); a test keeps the two equal.
 */
export const CJK_RANGES: readonly [number, number][] = [
  [0x3041, 0x30ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
];
const CJK_RE = new RegExp(`[${CJK_RANGES.map(([a, b]) => `\\u{${a.toString(16)}}-\\u{${b.toString(16)}}`).join('')}]`, 'u');

export const hasCjk = (text: string | null | undefined): boolean => !!text && CJK_RE.test(text);

/** The order a name in this script is usually written in: CJK scripts put the family name first. */
export function guessNameOrder(...texts: (string | null | undefined)[]): NameOrder {
  return texts.some(hasCjk) ? 'family_first' : 'given_first';
}

export interface NameParts {
  givenName: string | null;
  familyName: string | null;
  nameOrder: NameOrder;
}

/**
 * The display name from the parts, always joined by one space ("Dana Lee", "山田 太郎"): with the space
 * both parts stay separate words for full-text search (FTS5's unicode61 tokenizer does not split
 * between CJK characters) and for the greeting; null when neither part is set.
 */
export function displayName(p: NameParts): string | null {
  const given = p.givenName?.trim() || null;
  const family = p.familyName?.trim() || null;
  const parts = p.nameOrder === 'family_first' ? [family, given] : [given, family];
  return parts.filter(Boolean).join(' ') || null;
}

const HONORIFIC = /^(dr|mr|mrs|ms|mx|miss|prof|professor|sir|dame)\.?$/i;
// Letters (and marks) with inner apostrophes or hyphens: "O'Brien", "Jean-Luc", "Zoë".
const NAME_WORD = /^[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*$/u;

/**
 * Given and family name from a typed name, only when there is exactly one reading: two words, each
 * of letters only, no honorific, both in a CJK script (family first: "山田 太郎") or neither (given
 * first: "Dana Lee"). Anything else ("Mary Ann Smith", "Dr. Lee", "Lee, Dana", "山田太郎") is null:
 * the name is kept whole and the parts are left for the person to fill in.
 */
export function splitName(name: string): NameParts | null {
  const words = name.trim().split(/[\s\u3000]+/u);
  if (words.length !== 2 || !words.every((w) => NAME_WORD.test(w)) || HONORIFIC.test(words[0])) return null;
  const cjk = words.map(hasCjk);
  if (cjk[0] && cjk[1]) return { familyName: words[0], givenName: words[1], nameOrder: 'family_first' };
  if (!cjk[0] && !cjk[1]) return { givenName: words[0], familyName: words[1], nameOrder: 'given_first' };
  return null;
}

/**
 * The name a greeting uses ({{contact.firstName}}, "Dear …,"). Given-first names: the given name as
 * entered, else the first word of the name after any honorific. Family-first names: the whole name
 * ("山田 太郎"): the given name alone is too familiar for a letter to someone you met at an interview,
 * and a bare family name needs the honorific (様, 先生, 님) that only the writer can choose; the
 * full name is never wrong. The writer can always change the greeting in the note itself.
 */
export function greetingName(c: { name: string } & Partial<NameParts>): string | null {
  if (c.nameOrder === 'family_first') return c.name.trim() || null;
  return c.givenName?.trim() || firstNameOf(c.name);
}

/**
 * The name columns a write stores. Parts given (either one): the display name is derived from them,
 * the order is the one given, else the one saved, else guessed from the script. Only a display name
 * given: it is kept as typed and split only when splitName finds one reading. `current` is the saved
 * contact on an update.
 */
export function nameColumns(
  input: { name?: string; givenName?: string | null; familyName?: string | null; nameOrder?: NameOrder },
  current: ({ name: string } & NameParts) | null,
): ({ name: string } & NameParts) | null {
  // On a create, null is "not given" (the input schema turns absent into null); on an update it clears.
  const partsGiven = current ? input.givenName !== undefined || input.familyName !== undefined : !!(input.givenName || input.familyName);
  if (partsGiven) {
    const givenName = input.givenName !== undefined ? input.givenName : (current?.givenName ?? null);
    const familyName = input.familyName !== undefined ? input.familyName : (current?.familyName ?? null);
    const nameOrder = input.nameOrder ?? (current?.givenName || current?.familyName ? current.nameOrder : guessNameOrder(givenName, familyName));
    const name = displayName({ givenName, familyName, nameOrder });
    if (name) return { name, givenName, familyName, nameOrder };
    // Both parts cleared: the display name (given, or kept) stands alone.
    const kept = input.name?.trim() || current?.name || '';
    return { name: kept, givenName: null, familyName: null, nameOrder: input.nameOrder ?? guessNameOrder(kept) };
  }
  if (input.name !== undefined && input.name.trim() !== '' && input.name.trim() !== current?.name) {
    const name = input.name.trim();
    const split = splitName(name);
    if (split && (!input.nameOrder || input.nameOrder === split.nameOrder)) return { name, ...split };
    return { name, givenName: null, familyName: null, nameOrder: input.nameOrder ?? guessNameOrder(name) };
  }
  if (input.nameOrder !== undefined && current) {
    const name = displayName({ ...current, nameOrder: input.nameOrder }) ?? current.name;
    return { ...current, name, nameOrder: input.nameOrder };
  }
  return null;
}
