// Counts and lists in the English sentences main writes (errors, warnings, printed notes), through
// Intl so the plural and list rules are the platform's instead of `n === 1 ? … : …` and joins.
const LOCALE = 'en-US';
const plurals = new Intl.PluralRules(LOCALE);
const numbers = new Intl.NumberFormat(LOCALE);
const and = new Intl.ListFormat(LOCALE, { style: 'long', type: 'conjunction' });
const or = new Intl.ListFormat(LOCALE, { style: 'long', type: 'disjunction' });

/** The forms of a counted word; `one` for 1, `other` for every other count. */
export interface Forms {
  one: string;
  other: string;
}

/** The form of the word for n: plural(2, { one: 'line does', other: 'lines do' }) → "lines do". */
export function plural(n: number, forms: Forms): string {
  return plurals.select(n) === 'one' ? forms.one : forms.other;
}

/** n and its word: count(3, { one: 'note', other: 'notes' }) → "3 notes"; 1200 → "1,200 notes". */
export function count(n: number, forms: Forms): string {
  return `${numbers.format(n)} ${plural(n, forms)}`;
}

/** "a", "a and b", "a, b, and c". */
export function listAnd(items: readonly string[]): string {
  return and.format(items);
}

/** "a", "a or b", "a, b, or c". */
export function listOr(items: readonly string[]): string {
  return or.format(items);
}
