// One vCard property line to ical.js values: parameters (including 2.1's bare ones), the
// QUOTED-PRINTABLE and base64 encodings, and escapes re-written in 3.0 syntax before ical.js
// reads the value.
import ICAL from 'ical.js';
import type { LogicalLine } from './lines';

export class CardError extends Error {
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
 * ical.js only unescapes it in structured values), `\:` (Google escapes colons in URLs) and `\"`
 * (Google and Apple escape double quotes in notes), and `\,` in URLs.
 */
function fixEscapes(value: string, structured: boolean, uri: boolean): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c !== '\\' || i === value.length - 1) {
      out += c;
      continue;
    }
    const next = value[i + 1];
    if (next === ':' || next === '"' || (next === ';' && !structured) || (next === ',' && uri)) out += next;
    else out += c + next;
    i++;
  }
  return out;
}

function rawNewlinesToEscapes(value: string): string {
  return value.replace(/\r\n|\r|\n/g, '\\n');
}

/** Properties read into the card; every other one is named in the card's warnings. */
const KEPT = new Set(['FN', 'N', 'ORG', 'TITLE', 'EMAIL', 'TEL', 'ADR', 'URL', 'NOTE', 'BDAY', 'NICKNAME', 'ROLE', 'X-ABLABEL']);
/** Courtesy's own fields (see types.ts VCardAppFields); other X-COURTESY-* names are reported. */
export const APP_PROPERTIES = { 'X-COURTESY-MET-HOW': 'metHow' } as const;
const isKept = (name: string) => KEPT.has(name) || Object.hasOwn(APP_PROPERTIES, name);
// Read as text whatever ical.js's design says (it knows no X- names, and BDAY may be a partial date).
const AS_TEXT = new Set(['BDAY', 'X-ABLABEL', ...Object.keys(APP_PROPERTIES)]);
const STRUCTURED = new Set(['N', 'ORG', 'ADR']);
// Lenient on purpose: vendors use odd X- names; a line with no name token at all is corruption.
const NAME_RE = /^(?:([^.;:\s]+)\.)?([^.;:\s]+)(?=[;:])/;

export interface ParsedProp {
  name: string; // upper case, without group
  group: string | null;
  types: string[]; // lower case
  pref: number; // 1 (most preferred) .. 100; 101 when not preferred
  values: unknown[]; // from ical.js
  order: number;
  /** Upper-case parameter names with their values, for the few that matter (X-APPLE-OMIT-YEAR). */
  params: Map<string, string[]>;
}

/** A property the card does not keep: only its name is read, for the warnings. */
export interface SkippedProp {
  skipped: true;
  name: string;
  group: string | null;
}


export type Version = '2.1' | '3.0' | '4.0';

export function parseProperty(line: LogicalLine, version: Version, order: number, warnings: string[]): ParsedProp | SkippedProp {
  const m = NAME_RE.exec(line.text);
  if (!m) throw new CardError(`Line ${line.lineNo} is not a vCard property`, line.text);
  const group = m[1] ?? null;
  const name = m[2].toUpperCase();
  // PHOTO, vendor X- lines etc. are not read further: a malformed one must not fail the card.
  if (!isKept(name)) return { skipped: true, name, group };

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
  // URL values are escaped like text by Apple, Google and our writer (python-vobject cuts an
  // unescaped URL at its first comma), but ical.js reads them as URIs, leaving `\,` in place.
  value = fixEscapes(value, structured, name === 'URL');

  // TYPE="voice,cell" (4.0) is one quoted value holding a list.
  const types = [...new Set(paramValues(params, 'TYPE').flatMap((t) => t.toLowerCase().split(',')).map((t) => t.trim()).filter(Boolean))];
  const prefParam = Number.parseInt(paramValues(params, 'PREF')[0] ?? '', 10);
  const pref = Number.isFinite(prefParam) ? prefParam : types.includes('pref') ? 1 : 101;

  // Only VALUE is passed on: the other parameters were read above, and dropping them keeps
  // vendor oddities in parameters from failing a card.
  const valueType = AS_TEXT.has(name) ? 'text' : paramValues(params, 'VALUE')[0];
  const safeValueType = valueType && /^[A-Za-z-]+$/.test(valueType) ? `;VALUE=${valueType}` : '';
  const design = version === '4.0' ? ICAL.design.vcard : ICAL.design.vcard3;
  let jprop: unknown[];
  try {
    jprop = ICAL.parse.property(`${name}${safeValueType}:${value}`, design) as unknown[];
  } catch (e) {
    throw new CardError(`Line ${line.lineNo}: ${(e as Error).message}`, line.text);
  }
  const paramMap = new Map<string, string[]>();
  for (const p of params) paramMap.set(p.name, [...(paramMap.get(p.name) ?? []), ...p.values]);
  return { name, group, types, pref, values: jprop.slice(3), order, params: paramMap };
}

