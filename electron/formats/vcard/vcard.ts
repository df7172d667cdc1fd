// vCard import/export (RFC 2426 vCard 3.0, RFC 6350 vCard 4.0, and vCard 2.1 as written by Outlook).
//
// Parsing is split in two: this module finds cards and logical lines itself (so one broken card
// cannot stop the others, and so 2.1 quirks can be repaired), then hands each relevant property,
// normalised to 3.0/4.0 syntax, to ical.js, which splits structured values and unescapes text.
import ICAL from 'ical.js';

export interface VCardAddress {
  lines: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
  type?: string | null;
}

export interface VCardContact {
  name: string;
  title: string | null;
  company: string | null;
  emails: string[];
  phones: string[];
  addresses: VCardAddress[];
  url: string | null;
  note: string | null;
}

export interface VCardParseResult {
  cards: Array<{ index: number; contact: VCardContact; warnings: string[] }>;
  /** index is the card's 0-based position in the file; -1 means the file as a whole. */
  errors: Array<{ index: number; message: string; excerpt: string }>;
}

export interface VCardExportContact {
  name: string;
  title?: string | null;
  company?: string | null;
  email?: string | null;
  phone?: string | null;
  addressLines?: string | null;
  city?: string | null;
  region?: string | null;
  postalCode?: string | null;
  country?: string | null;
  url?: string | null;
  notes?: string | null;
}

// ---------------------------------------------------------------------------------------------
// Folding (shared with ics.ts)

function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp < 0x10000) return 3;
  return 4;
}

/**
 * Folds one content line so that every physical line, including the leading space of a
 * continuation, is at most `limit` octets of UTF-8. Splits only between code points.
 */
export function foldContentLine(line: string, limit = 75): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let max = limit;
  for (const ch of line) {
    const n = utf8Length(ch);
    if (octets + n > max) {
      parts.push(current);
      current = '';
      octets = 0;
      max = limit - 1; // the continuation's leading space counts towards the limit
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

// ---------------------------------------------------------------------------------------------
// Parsing

interface LogicalLine {
  text: string;
  lineNo: number; // 1-based physical line where it starts
}

interface RawCard {
  index: number;
  lines: LogicalLine[];
  startLine: number;
  endLine: number;
  unterminated: boolean;
}

const QP_HEADER = /^[^:]*;(?:ENCODING=)?QUOTED-PRINTABLE[;:]/i;
const BASE64_HEADER = /^[^:]*;(?:ENCODING=)?(?:BASE64|B)[;:]/i;
const BASE64_DATA = /^[A-Za-z0-9+/=]+$/;
const CARD_EDGE = /^(BEGIN|END):VCARD\s*$/i;

/** Unfolds physical lines into logical lines: RFC folding plus QUOTED-PRINTABLE soft breaks. */
function logicalLines(physical: string[]): LogicalLine[] {
  const out: LogicalLine[] = [];
  // Pieces are collected in an array: appending to and then inspecting one growing string is
  // quadratic for multi-kilobyte PHOTO values.
  let parts: string[] = [];
  let lineNo = 0;
  let head = ''; // the line's start, until its ':' is seen (flags depend only on the header)
  let qp = false;
  let base64 = false;
  let qpSoft = false;
  const flush = () => {
    const text = parts.join('');
    if (parts.length && text.trim() !== '') out.push({ text, lineNo });
    parts = [];
  };
  const append = (piece: string) => {
    parts.push(piece);
    if (!head.includes(':') && head.length < 1000) {
      head += piece;
      qp = QP_HEADER.test(head);
      base64 = BASE64_HEADER.test(head);
    }
    qpSoft = qp && piece.endsWith('=');
  };
  for (let i = 0; i < physical.length; i++) {
    const p = physical[i];
    const open = parts.length > 0;
    if (open && qpSoft) {
      // A trailing '=' joins the next line verbatim; this must happen before any other parsing
      // because the break may fall between the encoded bytes of one character.
      parts[parts.length - 1] = parts[parts.length - 1].slice(0, -1);
      if (!CARD_EDGE.test(p)) {
        append(p);
        continue;
      } // else: a stray soft break right before BEGIN/END
    }
    if (open && (p.startsWith(' ') || p.startsWith('\t'))) {
      append(p.slice(1));
      continue;
    }
    if (open && base64 && BASE64_DATA.test(p)) {
      append(p); // 2.1 writers sometimes continue base64 data without indentation
      continue;
    }
    flush();
    lineNo = i + 1;
    head = '';
    append(p);
  }
  flush();
  return out;
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

class CardError extends Error {
  constructor(message: string, readonly excerpt?: string) {
    super(message);
  }
}

interface Param {
  name: string; // upper case
  values: string[];
}

/** Splits `s` on `sep` outside double quotes; returns null on an unterminated quote. */
function splitOutsideQuotes(s: string, sep: string): string[] | null {
  const parts: string[] = [];
  let inQuote = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') inQuote = !inQuote;
    else if (c === sep && !inQuote) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  if (inQuote) return null;
  parts.push(s.slice(start));
  return parts;
}

function indexOutsideQuotes(s: string, ch: string): number {
  let inQuote = false;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '"') inQuote = !inQuote;
    else if (s[i] === ch && !inQuote) return i;
  }
  return -1;
}

function unquote(v: string): string {
  return v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v;
}

const ENCODING_TOKENS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '7BIT', '8BIT']);

function parseParams(raw: string[]): Param[] {
  const params: Param[] = [];
  for (const p of raw) {
    if (p === '') continue;
    const eq = p.indexOf('=');
    if (eq === -1) {
      // vCard 2.1 bare parameter: `TEL;WORK;VOICE:` or `NOTE;QUOTED-PRINTABLE:`.
      const token = p.trim().toUpperCase();
      params.push({ name: ENCODING_TOKENS.has(token) ? 'ENCODING' : 'TYPE', values: [p.trim()] });
      continue;
    }
    const name = p.slice(0, eq).trim().toUpperCase();
    const values = (splitOutsideQuotes(p.slice(eq + 1), ',') ?? [p.slice(eq + 1)]).map((v) => unquote(v.trim()));
    params.push({ name, values });
  }
  return params;
}

function paramValues(params: Param[], name: string): string[] {
  return params.filter((p) => p.name === name).flatMap((p) => p.values);
}

function decodeBytes(bytes: Uint8Array, charset: string | undefined): { text: string; guessed: boolean } {
  if (charset) {
    try {
      return { text: new TextDecoder(charset).decode(bytes), guessed: false };
    } catch {
      // unknown label: fall through to detection
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), guessed: false };
  } catch {
    // Outlook writes the ANSI code page when it omits CHARSET.
    return { text: new TextDecoder('windows-1252').decode(bytes), guessed: true };
  }
}

function decodeQuotedPrintable(value: string, charset: string | undefined) {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '=') {
      const hex = value.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 2;
        continue;
      }
      if (i === value.length - 1) continue; // leftover soft break
    }
    const cp = value.codePointAt(i) ?? 0;
    if (cp > 0xffff) i++;
    for (const b of Buffer.from(String.fromCodePoint(cp), 'utf8')) bytes.push(b);
  }
  return decodeBytes(Uint8Array.from(bytes), charset);
}

/** Re-escapes a 2.1 value in 3.0 syntax: commas are literal there, and `\` escapes only `;`. */
function escape21(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    const next = value[i + 1];
    if (c === '\\' && next !== undefined && ';,\\nN'.includes(next)) {
      out += c + next;
      i++;
    } else if (c === '\\') out += '\\\\';
    else if (c === ',') out += '\\,';
    else if (c === '\r' && next === '\n') {
      out += '\\n';
      i++;
    } else if (c === '\n' || c === '\r') out += '\\n';
    else out += c;
  }
  return out;
}

/**
 * Fixes escapes ical.js leaves alone: `\;` in non-structured text (RFC 2426 requires it, but
 * ical.js only unescapes it in structured values) and `\:` (Google escapes colons in URLs).
 */
function fixEscapes(value: string, structured: boolean): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c !== '\\' || i === value.length - 1) {
      out += c;
      continue;
    }
    const next = value[i + 1];
    if (next === ':' || (next === ';' && !structured)) out += next;
    else out += c + next;
    i++;
  }
  return out;
}

function rawNewlinesToEscapes(value: string): string {
  return value.replace(/\r\n|\r|\n/g, '\\n');
}

const RELEVANT = new Set(['FN', 'N', 'ORG', 'TITLE', 'EMAIL', 'TEL', 'ADR', 'URL', 'NOTE', 'X-ABLABEL']);
const STRUCTURED = new Set(['N', 'ORG', 'ADR']);
// Lenient on purpose: vendors use odd X- names; a line with no name token at all is corruption.
const NAME_RE = /^(?:([^.;:\s]+)\.)?([^.;:\s]+)(?=[;:])/;
const NOT_A_KIND = new Set(['pref', 'internet', 'x400', 'voice', 'postal', 'parcel', 'dom', 'intl', 'text']);

interface ParsedProp {
  name: string; // upper case, without group
  group: string | null;
  types: string[]; // lower case
  pref: number; // 1 (most preferred) .. 100; 101 when not preferred
  values: unknown[]; // from ical.js
  order: number;
}

type Version = '2.1' | '3.0' | '4.0';

function excerptOf(text: string, max = 300): string {
  return text.length > max ? text.slice(0, max) + '…' : text;
}

function parseProperty(line: LogicalLine, version: Version, order: number, warnings: string[]): ParsedProp | null {
  const m = NAME_RE.exec(line.text);
  if (!m) throw new CardError(`Line ${line.lineNo} is not a vCard property`, line.text);
  const group = m[1] ?? null;
  const name = m[2].toUpperCase();
  if (!RELEVANT.has(name)) return null; // PHOTO, X-* etc. are skipped without further checks

  const colon = indexOutsideQuotes(line.text, ':');
  if (colon === -1) throw new CardError(`Line ${line.lineNo}: unterminated quote or missing ':'`, line.text);
  const header = line.text.slice(m[0].length, colon);
  let value = line.text.slice(colon + 1);
  const rawParams = splitOutsideQuotes(header, ';');
  if (!rawParams) throw new CardError(`Line ${line.lineNo}: unterminated quote`, line.text);
  const params = parseParams(rawParams);

  const encoding = paramValues(params, 'ENCODING')[0]?.toUpperCase();
  const charset = paramValues(params, 'CHARSET')[0];
  let decoded = false;
  if (encoding === 'QUOTED-PRINTABLE') {
    const r = decodeQuotedPrintable(value, charset);
    if (r.guessed) warnings.push(`${name}: no CHARSET and not UTF-8; decoded as Windows-1252`);
    value = r.text;
    decoded = true;
  } else if (encoding === 'B' || encoding === 'BASE64') {
    value = decodeBytes(Buffer.from(value.replace(/\s+/g, ''), 'base64'), charset).text;
    decoded = true;
  }

  const structured = STRUCTURED.has(name);
  if (version === '2.1') value = escape21(value);
  else if (decoded) value = rawNewlinesToEscapes(value);
  value = fixEscapes(value, structured);

  const types = [...new Set(paramValues(params, 'TYPE').map((t) => t.toLowerCase()).filter(Boolean))];
  const prefParam = Number.parseInt(paramValues(params, 'PREF')[0] ?? '', 10);
  const pref = Number.isFinite(prefParam) ? prefParam : types.includes('pref') ? 1 : 101;

  // Only VALUE is passed on: the other parameters were read above, and dropping them keeps
  // vendor oddities in parameters from failing a card.
  const valueType = paramValues(params, 'VALUE')[0];
  const safeValueType = valueType && /^[A-Za-z-]+$/.test(valueType) ? `;VALUE=${valueType}` : '';
  const design = version === '4.0' ? ICAL.design.vcard : ICAL.design.vcard3;
  let jprop: unknown[];
  try {
    jprop = ICAL.parse.property(`${name}${safeValueType}:${value}`, design) as unknown[];
  } catch (e) {
    throw new CardError(`Line ${line.lineNo}: ${(e as Error).message}`, line.text);
  }
  return { name, group, types, pref, values: jprop.slice(3), order };
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

// ---------------------------------------------------------------------------------------------
// Export

function escapeText(s: string): string {
  return s.replace(/\r\n|\r|\n|[\\;,]/g, (c) => (c === '\\' ? '\\\\' : c === ';' ? '\\;' : c === ',' ? '\\,' : '\\n'));
}

function clean(s: string | null | undefined): string {
  return s == null ? '' : s;
}

function splitName(name: string): { family: string; given: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return { family: words[0] ?? '', given: '' };
  return { family: words[words.length - 1], given: words.slice(0, -1).join(' ') };
}

export function toVCard(contacts: VCardExportContact | VCardExportContact[], version: '3.0' | '4.0' = '3.0'): string {
  const list = Array.isArray(contacts) ? contacts : [contacts];
  const out: string[] = [];
  const push = (line: string) => out.push(foldContentLine(line));
  for (const c of list) {
    const name = clean(c.name).trim() || clean(c.email).trim() || clean(c.company).trim();
    const { family, given } = splitName(name);
    push('BEGIN:VCARD');
    push(`VERSION:${version}`); // 4.0 requires VERSION right after BEGIN
    push('PRODID:-//Courtesy//Courtesy//EN');
    push(`FN:${escapeText(name)}`);
    push(`N:${escapeText(family)};${escapeText(given)};;;`);
    if (clean(c.company)) push(`ORG:${escapeText(clean(c.company))}`);
    if (clean(c.title)) push(`TITLE:${escapeText(clean(c.title))}`);
    if (clean(c.email)) push(`${version === '3.0' ? 'EMAIL;TYPE=INTERNET' : 'EMAIL'}:${escapeText(clean(c.email))}`);
    // 4.0 TEL defaults to a tel: URI; free-form numbers are declared as text instead.
    if (clean(c.phone)) push(`${version === '3.0' ? 'TEL;TYPE=VOICE' : 'TEL;VALUE=text'}:${escapeText(clean(c.phone))}`);
    const adr = [c.addressLines, c.city, c.region, c.postalCode, c.country].map(clean);
    if (adr.some((x) => x.trim() !== '')) push(`ADR:;;${adr.map(escapeText).join(';')}`);
    // URIs are not text-escaped (commas and semicolons are part of them); line breaks cannot occur.
    if (clean(c.url)) push(`URL:${clean(c.url).replace(/[\r\n]+/g, '')}`);
    if (clean(c.notes)) push(`NOTE:${escapeText(clean(c.notes))}`);
    push('END:VCARD');
  }
  return out.length ? out.join('\r\n') + '\r\n' : '';
}
