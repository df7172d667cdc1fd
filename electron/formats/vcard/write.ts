// vCard export: 3.0 (what most address books read) or 4.0, folded at 75 octets. Every channel is
// written with its label and the primary one marked preferred; Courtesy's own fields go out as
// X-COURTESY-* properties, never inside NOTE, so importing an export back changes nothing.
import { foldContentLine } from './lines';
import type { ChannelLabel, VCardExportChannel, VCardExportContact } from './types';

function escapeText(s: string): string {
  return s.replace(/\r\n|\r|\n|[\\;,]/g, (c) => (c === '\\' ? '\\\\' : c === ';' ? '\\;' : c === ',' ? '\\,' : '\\n'));
}

function clean(s: string | null | undefined): string {
  return s == null ? '' : s.trim();
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * The structured name when only a display name is known: its first word is the family name for a
 * family-first name (and, unless told otherwise, for a CJK one: 山田 太郎), else its last word.
 */
export function splitName(name: string, order?: 'given_first' | 'family_first' | null): { family: string; given: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return { family: words[0] ?? '', given: '' };
  const familyFirst = order ? order === 'family_first' : CJK.test(name);
  return familyFirst
    ? { family: words[0], given: words.slice(1).join(' ') }
    : { family: words[words.length - 1], given: words.slice(0, -1).join(' ') };
}

type Version = '3.0' | '4.0';

/** TYPE and PREF parameters for a channel: `;TYPE=WORK,PREF` (3.0) or `;TYPE=work;PREF=1` (4.0). */
function channelParams(version: Version, label: ChannelLabel | null | undefined, primary: boolean, extra: string[]): string {
  // Neither version has a TYPE for "other": a channel without one reads back as other.
  const kind = label === 'mobile' ? 'cell' : label === 'work' || label === 'home' ? label : null;
  const types = [...extra, ...(kind ? [kind] : [])];
  if (version === '3.0') {
    if (primary) types.push('pref');
    return types.length ? `;TYPE=${types.map((t) => t.toUpperCase()).join(',')}` : '';
  }
  return (types.length ? `;TYPE=${types.join(',')}` : '') + (primary ? ';PREF=1' : '');
}

/** Primary first (the order address books show), the rest as given; blanks dropped. */
function ordered<T extends { primary?: boolean }>(items: T[] | undefined, blank: (t: T) => boolean): T[] {
  const list = (items ?? []).filter((t) => !blank(t));
  return [...list.filter((t) => t.primary), ...list.filter((t) => !t.primary)];
}

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NO_YEAR = /^--(\d{2})-(\d{2})$/;

function birthdayLine(version: Version, birthday: string): string | null {
  const full = FULL_DATE.exec(birthday);
  if (full) return version === '3.0' ? `BDAY;VALUE=date:${birthday}` : `BDAY:${full[1]}${full[2]}${full[3]}`;
  const noYear = NO_YEAR.exec(birthday);
  if (!noYear) return null;
  // 3.0 has no date without a year; Apple's convention (year 1604, flagged) is what address books read.
  return version === '3.0' ? `BDAY;X-APPLE-OMIT-YEAR=1604:1604-${noYear[1]}-${noYear[2]}` : `BDAY:--${noYear[1]}${noYear[2]}`;
}

const nonBlank = (c: VCardExportChannel) => clean(c.value) === '';

export function toVCard(contacts: VCardExportContact | VCardExportContact[], version: Version = '3.0'): string {
  const list = Array.isArray(contacts) ? contacts : [contacts];
  const out: string[] = [];
  const push = (line: string) => out.push(foldContentLine(line));
  for (const c of list) {
    const emails = ordered(c.emails, nonBlank);
    const name = clean(c.name) || clean(emails[0]?.value) || clean(c.company);
    const structured = clean(c.givenName) || clean(c.familyName);
    const { family, given } = structured ? { family: clean(c.familyName), given: clean(c.givenName) } : splitName(name, c.nameOrder);
    push('BEGIN:VCARD');
    push(`VERSION:${version}`); // 4.0 requires VERSION right after BEGIN
    push('PRODID:-//Courtesy//Courtesy//EN');
    push(`FN:${escapeText(name)}`);
    push(`N:${escapeText(family)};${escapeText(given)};;;`);
    const units = (c.orgUnits ?? []).map(clean).filter(Boolean);
    if (clean(c.company) || units.length) push(`ORG:${[clean(c.company), ...units].map(escapeText).join(';')}`);
    if (clean(c.title)) push(`TITLE:${escapeText(clean(c.title))}`);
    for (const e of emails) push(`EMAIL${channelParams(version, e.label, !!e.primary, version === '3.0' ? ['internet'] : [])}:${escapeText(clean(e.value))}`);
    // 4.0 TEL defaults to a tel: URI; free-form numbers are declared as text instead.
    for (const p of ordered(c.phones, nonBlank)) {
      const params = channelParams(version, p.label, !!p.primary, p.label === 'mobile' ? [] : ['voice']);
      push(`TEL${version === '4.0' ? ';VALUE=text' : ''}${params}:${escapeText(clean(p.value))}`);
    }
    const blankAddress = (a: NonNullable<VCardExportContact['addresses']>[number]) =>
      [a.lines, a.city, a.region, a.postalCode, a.country].every((x) => clean(x) === '');
    for (const a of ordered(c.addresses, blankAddress)) {
      const adr = [a.lines, a.city, a.region, a.postalCode, a.country].map((x) => escapeText(clean(x)));
      push(`ADR${channelParams(version, a.label, !!a.primary, [])}:;;${adr.join(';')}`);
    }
    // Escaped like text, as Apple and Google do: readers such as python-vobject cut a URL at an
    // unescaped comma. Line breaks cannot occur in a URL.
    for (const url of (c.urls ?? []).map(clean).filter(Boolean)) push(`URL:${escapeText(url.replace(/[\r\n]+/g, ''))}`);
    const bday = clean(c.birthday) ? birthdayLine(version, clean(c.birthday)) : null;
    if (bday) push(bday);
    if (clean(c.notes)) push(`NOTE:${escapeText(c.notes!)}`);
    if (clean(c.app?.metHow)) push(`X-COURTESY-MET-HOW:${escapeText(c.app!.metHow!)}`);
    push('END:VCARD');
  }
  return out.length ? out.join('\r\n') + '\r\n' : '';
}
