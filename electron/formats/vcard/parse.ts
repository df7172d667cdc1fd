// vCard import (RFC 2426 vCard 3.0, RFC 6350 vCard 4.0, and vCard 2.1 as written by Outlook).
//
// Parsing is split in two: this module finds cards and logical lines itself (so one broken card
// cannot stop the others, and so 2.1 quirks can be repaired), then hands each relevant property,
// normalised to 3.0/4.0 syntax, to ical.js, which splits structured values and unescapes text.
import { CARD_EDGE, logicalLines, type LogicalLine } from './lines';
import { CardError, parseProperty, type ParsedProp, type Version } from './property';
import type { VCardAddress, VCardContact, VCardParseResult } from './types';

interface RawCard {
  index: number;
  lines: LogicalLine[];
  startLine: number;
  endLine: number;
  unterminated: boolean;
}

function splitCards(lines: LogicalLine[]): RawCard[] {
  const cards: RawCard[] = [];
  let open: RawCard | null = null;
  for (const line of lines) {
    const edge = CARD_EDGE.exec(line.text.trim());
    if (edge && edge[1].toUpperCase() === 'BEGIN') {
      if (open) {
        open.unterminated = true;
        cards.push(open);
      }
      open = { index: cards.length, lines: [], startLine: line.lineNo, endLine: line.lineNo, unterminated: false };
    } else if (edge) {
      if (open) {
        open.endLine = line.lineNo;
        cards.push(open);
        open = null;
      }
      // A stray END:VCARD outside a card carries no data; ignore it.
    } else if (open) {
      open.lines.push(line);
      open.endLine = line.lineNo;
    }
  }
  if (open) {
    open.unterminated = true;
    cards.push(open);
  }
  return cards;
}

const NOT_A_KIND = new Set(['pref', 'internet', 'x400', 'voice', 'postal', 'parcel', 'dom', 'intl', 'text']);

function excerptOf(text: string, max = 300): string {
  return text.length > max ? text.slice(0, max) + '…' : text;
}

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

function abLabel(raw: string): string {
  // Apple wraps its built-in labels as `_$!<Home>!$_`; custom labels are plain text.
  const m = /^_\$!<(.*)>!\$_$/.exec(raw);
  return m ? m[1].toLowerCase() : raw;
}

function buildContact(props: ParsedProp[], warnings: string[]): VCardContact {
  const all = (name: string) => props.filter((p) => p.name === name);
  const first = (name: string) => all(name).sort(byPref)[0];
  const labels = new Map<string, string>();
  for (const p of all('X-ABLABEL')) if (p.group) labels.set(p.group.toLowerCase(), abLabel(flat(p.values, ',').trim()));

  const emails = dedupe(
    all('EMAIL')
      .sort(byPref)
      .map((p) => flat(p.values, ',').trim().replace(/^mailto:/i, ''))
      .filter(Boolean),
    (s) => s.toLowerCase(),
  );
  const phones = dedupe(
    all('TEL')
      .sort(byPref)
      .map((p) => flat(p.values, ',').trim().replace(/^tel:/i, ''))
      .filter(Boolean),
    (s) => s,
  );

  let name = orNull(flat(first('FN')?.values ?? [], ','));
  if (!name) {
    const n = first('N');
    if (n) {
      const [family, given, additional, prefix, suffix] = components(n.values).map((c) => flat(c, ' ').trim());
      name = orNull([prefix, given, additional, family, suffix].filter(Boolean).join(' '));
      if (name) warnings.push('No FN; name built from N');
    }
  }
  if (!name && emails.length > 0) {
    name = nameFromEmail(emails[0]);
    warnings.push(`No name; used "${name}" from the e-mail address`);
  }
  if (!name) throw new CardError('Card has no name (FN and N are empty) and no e-mail address');

  const addresses: VCardAddress[] = [];
  for (const p of all('ADR').sort(byPref)) {
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
      type: p.types.find((t) => !NOT_A_KIND.has(t)) ?? (p.group ? labels.get(p.group.toLowerCase()) ?? null : null),
    };
    if (address.lines || address.city || address.region || address.postalCode || address.country) addresses.push(address);
  }

  const org = first('ORG');
  const notes = all('NOTE')
    .map((p) => flat(p.values, ','))
    .filter((s) => s.trim() !== '');

  return {
    name,
    title: orNull(flat(first('TITLE')?.values ?? [], ',')),
    company: org ? orNull(flat(components(org.values)[0], ', ')) : null,
    emails,
    phones,
    addresses,
    url: orNull(flat(first('URL')?.values ?? [], ',')),
    note: notes.length > 0 ? notes.join('\n\n') : null,
  };
}

function dedupe(items: string[], key: (s: string) => string): string[] {
  const seen = new Set<string>();
  return items.filter((s) => {
    const k = key(s);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function parseCard(card: RawCard): { contact: VCardContact; warnings: string[] } {
  if (card.unterminated) throw new CardError('BEGIN:VCARD without END:VCARD');
  const warnings: string[] = [];
  const versionLine = card.lines.find((l) => /^VERSION:/i.test(l.text));
  const rawVersion = versionLine?.text.slice(8).trim();
  let version: Version;
  if (rawVersion === '2.1' || rawVersion === '3.0' || rawVersion === '4.0') version = rawVersion;
  else {
    version = '3.0';
    warnings.push(rawVersion ? `Unknown VERSION ${rawVersion}; read as 3.0` : 'No VERSION; read as 3.0');
  }
  const props: ParsedProp[] = [];
  card.lines.forEach((line, i) => {
    if (line === versionLine) return;
    const p = parseProperty(line, version, i, warnings);
    if (p) props.push(p);
  });
  return { contact: buildContact(props, warnings), warnings };
}

export function parseVCards(text: string): VCardParseResult {
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const cards = splitCards(logicalLines(physical));
  const result: VCardParseResult = { cards: [], errors: [] };
  for (const card of cards) {
    try {
      result.cards.push({ index: card.index, ...parseCard(card) });
    } catch (e) {
      const err = e instanceof CardError ? e : new CardError(String((e as Error)?.message ?? e));
      // Default excerpt: the card's first physical lines (not the whole card, which may hold a photo).
      const excerpt = err.excerpt ?? physical.slice(card.startLine - 1, Math.min(card.endLine, card.startLine + 7)).join('\n');
      result.errors.push({ index: card.index, message: err.message, excerpt: excerptOf(excerpt) });
    }
  }
  if (cards.length === 0 && text.trim() !== '') {
    result.errors.push({ index: -1, message: 'No vCard (BEGIN:VCARD) found', excerpt: excerptOf(text.trim(), 200) });
  }
  return result;
}
