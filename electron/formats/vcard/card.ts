// From one card's parsed properties to a VCardContact: names, channels with their labels and
// preference, and a warning naming every property the card does not keep.
import { APP_PROPERTIES, CardError, type ParsedProp, type SkippedProp, type Version } from './property';
import type { ChannelLabel, VCardAddress, VCardContact, VCardEmail, VCardName, VCardPhone, VCardUrl } from './types';

/** Bookkeeping that carries nothing about the person: read without a word. */
const SILENT = new Set(['PRODID', 'REV']);
/** What happens instead, for properties that duplicate what is kept. */
const HINTS: Record<string, string> = {
  LABEL: 'the address is read from ADR',
};

/** ical.js returns a string for a one-part value and nested arrays for structured/multi values. */
function flat(v: unknown, sep: string): string {
  if (Array.isArray(v)) return v.map((x) => flat(x, sep)).join(sep);
  return v == null ? '' : String(v);
}

function components(values: unknown[]): unknown[] {
  const v = values[0];
  return Array.isArray(v) ? v : [v];
}

function orNull(s: string): string | null {
  const t = s.trim();
  return t === '' ? null : t;
}

function byPref(a: ParsedProp, b: ParsedProp) {
  return a.pref - b.pref || a.order - b.order;
}

function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? email;
  const words = local.split(/[._+-]+/).filter(Boolean);
  if (words.length === 0) return local;
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/** Apple wraps its built-in labels as `_$!<Home>!$_`; custom labels are plain text. */
function abLabel(raw: string): { builtIn: boolean; text: string } {
  const m = /^_\$!<(.*)>!\$_$/.exec(raw);
  return m ? { builtIn: true, text: m[1] } : { builtIn: false, text: raw };
}

const LABEL_WORDS: Record<string, ChannelLabel> = { work: 'work', home: 'home', other: 'other', mobile: 'mobile', cell: 'mobile', iphone: 'mobile' };

function channel(p: ParsedProp, abLabels: Map<string, string>, phone: boolean) {
  const rawLabel = p.group ? abLabels.get(p.group.toLowerCase()) : undefined;
  const ab = rawLabel ? abLabel(rawLabel) : null;
  const fromLabel = ab ? LABEL_WORDS[ab.text.toLowerCase()] : undefined;
  let label: ChannelLabel = 'other';
  if (phone && p.types.some((t) => t === 'cell' || t === 'mobile' || t === 'iphone')) label = 'mobile';
  else if (p.types.includes('work')) label = 'work';
  else if (p.types.includes('home')) label = 'home';
  else if (fromLabel && (phone || fromLabel !== 'mobile')) label = fromLabel;
  return {
    label,
    types: p.types,
    customLabel: ab && !fromLabel ? ab.text : null,
    pref: p.pref <= 100 ? p.pref : null,
  };
}

function dedupe<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * BDAY to `YYYY-MM-DD`, or `--MM-DD` when the year is unknown: 4.0 writes `--MMDD`, Apple writes
 * the year 1604 and says so in X-APPLE-OMIT-YEAR. Anything else (4.0 allows text) is kept as written.
 */
export function normaliseBirthday(raw: string, omitYear: string | undefined): string {
  const s = raw.trim();
  const full = /^(\d{4})-?(\d{2})-?(\d{2})(?:T[\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  const noYear = /^--(\d{2})-?(\d{2})$/.exec(s);
  const [year, month, day] = full ? [full[1], full[2], full[3]] : noYear ? [null, noYear[1], noYear[2]] : [null, '', ''];
  const m = Number(month);
  const d = Number(day);
  if (!month || m < 1 || m > 12 || d < 1 || d > 31) return s;
  return year && year !== omitYear ? `${year}-${month}-${day}` : `--${month}-${day}`;
}

function readName(props: ParsedProp[]): VCardName | null {
  const n = props.filter((p) => p.name === 'N').sort(byPref)[0];
  if (!n) return null;
  const [family = '', given = '', additional = '', prefixes = '', suffixes = ''] = components(n.values).map((c) => flat(c, ' ').trim());
  if (!family && !given && !additional && !prefixes && !suffixes) return null;
  return { family, given, additional, prefixes, suffixes };
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Family-first when FN shows the family name before the given one (山田 太郎), or for CJK names FN does not settle. */
function nameOrderOf(fn: string | null, n: VCardName | null): VCardContact['nameOrder'] {
  if (!n || !n.family || !n.given) return 'given_first';
  if (fn) {
    const f = fn.indexOf(n.family);
    const g = fn.indexOf(n.given);
    if (f >= 0 && g >= 0 && f !== g) return f < g ? 'family_first' : 'given_first';
  }
  return CJK.test(n.family + n.given) ? 'family_first' : 'given_first';
}

function skippedWarnings(skipped: SkippedProp[], keptGroups: Set<string>): string[] {
  const counts = new Map<string, number>();
  for (const s of skipped) {
    if (SILENT.has(s.name)) continue;
    // Apple's X-ABADR (the address's country code) belongs to an ADR that is kept.
    if (s.name === 'X-ABADR' && s.group && keptGroups.has(s.group.toLowerCase())) continue;
    counts.set(s.name, (counts.get(s.name) ?? 0) + 1);
  }
  return [...counts].map(([name, n]) => {
    const why = [n > 1 ? `${n} lines` : '', HINTS[name] ?? ''].filter(Boolean).join('; ');
    return `${name} ${name.startsWith('X-') ? 'ignored' : 'not imported'}${why ? ` (${why})` : ''}`;
  });
}

export function buildContact(version: Version, props: ParsedProp[], skipped: SkippedProp[], warnings: string[]): VCardContact {
  const all = (name: string) => props.filter((p) => p.name === name).sort(byPref);
  const text = (p: ParsedProp) => flat(p.values, ',').trim();
  const abLabels = new Map<string, string>();
  for (const p of props) if (p.name === 'X-ABLABEL' && p.group) abLabels.set(p.group.toLowerCase(), text(p));

  const emails: VCardEmail[] = dedupe(
    all('EMAIL')
      .map((p) => ({ value: text(p).replace(/^mailto:/i, ''), ...channel(p, abLabels, false) }))
      .filter((e) => e.value !== ''),
    (e) => e.value.toLowerCase(),
  );
  const phones: VCardPhone[] = dedupe(
    all('TEL')
      .map((p) => ({ value: text(p).replace(/^tel:/i, ''), ...channel(p, abLabels, true) }))
      .filter((e) => e.value !== ''),
    (e) => e.value,
  );

  const n = readName(props);
  const fn = orNull(flat(all('FN')[0]?.values ?? [], ','));
  let name = fn;
  if (!name && n) {
    name = orNull([n.prefixes, n.given, n.additional, n.family, n.suffixes].filter(Boolean).join(' '));
    if (name) warnings.push('No FN; name built from N');
  }
  if (!name && emails.length > 0) {
    name = nameFromEmail(emails[0].value);
    warnings.push(`No name; used "${name}" from the e-mail address`);
  }
  if (!name) throw new CardError('Card has no name (FN and N are empty) and no e-mail address');

  const addresses: VCardAddress[] = [];
  for (const p of all('ADR')) {
    const c = components(p.values);
    const part = (i: number, sep = ', ') => orNull(flat(c[i], sep));
    // Street may be multi-valued (one value per line); extended address and PO box follow it.
    const lines = [part(2, '\n'), part(1), part(0)].filter((x): x is string => x !== null).join('\n');
    const address: VCardAddress = {
      lines: orNull(lines),
      city: part(3),
      region: part(4),
      postalCode: part(5),
      country: part(6),
      ...channel(p, abLabels, false),
    };
    if (address.lines || address.city || address.region || address.postalCode || address.country) addresses.push(address);
  }

  const urls: VCardUrl[] = dedupe(
    all('URL')
      .map((p) => {
        const ab = p.group ? abLabels.get(p.group.toLowerCase()) : undefined;
        return { value: text(p), types: p.types, customLabel: ab ? abLabel(ab).text : null, pref: p.pref <= 100 ? p.pref : null };
      })
      .filter((u) => u.value !== ''),
    (u) => u.value,
  );

  const orgProp = all('ORG')[0];
  const orgParts = orgProp ? components(orgProp.values).map((c) => flat(c, ', ').trim()) : [];
  const [orgName = '', ...units] = orgParts;
  const org = orgName || units.some(Boolean) ? { name: orgName, units: units.filter(Boolean) } : null;
  if (all('ORG').length > 1) warnings.push(`${all('ORG').length - 1} more ORG not imported: ${all('ORG').slice(1).map((p) => flat(p.values, ';')).join(' | ')}`);

  const bdays = all('BDAY');
  const birthday = bdays[0] ? normaliseBirthday(text(bdays[0]), bdays[0].params.get('X-APPLE-OMIT-YEAR')?.[0]) || null : null;

  const extras: VCardContact['extras'] = [];
  for (const [property, label] of [
    ['NICKNAME', 'Nickname'],
    ['ROLE', 'Role'],
  ] as const) {
    for (const p of all(property)) if (text(p)) extras.push({ property, label, value: flat(p.values, ', ').trim() });
  }
  // App fields come back exactly as written (not trimmed), so a re-import compares equal.
  const appText = (prop: keyof typeof APP_PROPERTIES) => {
    const v = props
      .filter((p) => p.name === prop)
      .map((p) => flat(p.values, ','))
      .join('\n');
    return v.trim() === '' ? null : v;
  };

  const keptGroups = new Set(props.filter((p) => p.group && p.name !== 'X-ABLABEL').map((p) => p.group!.toLowerCase()));
  warnings.push(...skippedWarnings(skipped, keptGroups));

  return {
    version,
    name,
    n,
    nameOrder: nameOrderOf(fn, n),
    org,
    title: orNull(flat(all('TITLE')[0]?.values ?? [], ',')),
    emails,
    phones,
    addresses,
    urls,
    birthday,
    notes: props
      .filter((p) => p.name === 'NOTE')
      .map((p) => flat(p.values, ','))
      .filter((s) => s.trim() !== ''),
    extras,
    app: { metHow: appText('X-COURTESY-MET-HOW') },
  };
}
