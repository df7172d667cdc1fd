// vCard export: 3.0 (what most address books read) or 4.0, folded at 75 octets.
import { foldContentLine } from './lines';
import type { VCardExportContact } from './types';

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
