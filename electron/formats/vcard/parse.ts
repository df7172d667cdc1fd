// vCard import (RFC 2426 vCard 3.0, RFC 6350 vCard 4.0, and vCard 2.1 as written by Outlook).
//
// Parsing is split in two: this module finds cards and logical lines itself (so one broken card
// cannot stop the others, and so 2.1 quirks can be repaired), then hands each relevant property,
// normalised to 3.0/4.0 syntax, to ical.js, which splits structured values and unescapes text.
import { CARD_EDGE, logicalLines, type LogicalLine } from './lines';
import { buildContact } from './card';
import { CardError, parseProperty, type ParsedProp, type SkippedProp, type Version } from './property';
import type { VCardContact, VCardParseResult } from './types';

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

function excerptOf(text: string, max = 300): string {
  return text.length > max ? text.slice(0, max) + '…' : text;
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
  const skipped: SkippedProp[] = [];
  card.lines.forEach((line, i) => {
    if (line === versionLine) return;
    const p = parseProperty(line, version, i, warnings);
    if ('skipped' in p) skipped.push(p);
    else props.push(p);
  });
  return { contact: buildContact(version, props, skipped, warnings), warnings };
}

export function parseVCards(text: string): VCardParseResult {
  // Any run of CRs before an LF is one line break: Apple's iPhone export ends lines with CR CR LF,
  // which read as CRLF plus CR would put an empty line between a line and its folded continuation.
  const physical = text.replace(/^\uFEFF/, '').split(/\r*\n|\r/);
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
