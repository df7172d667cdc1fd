// URL checks shared by the contract's field schemas and the domains (CSV and vCard import): both sit
// above this module, so it lives here rather than in api/define.ts. The renderer uses linkIn to make
// a meeting link in free text clickable.
export function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * A web address written without its scheme, as links sit in sheets, cards and forms:
 * "linkedin.com/in/x", "www.acme.example/jobs/12", "meet.google.com/abc-defg-hij". The last label of
 * the host is letters (2+), so "4.2" or "v1.5" in a sentence is not taken for a link.
 */
const BARE = /^(?:www\.)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?::\d{1,5})?(?:[/?#]\S*)?$/u;

/**
 * The one rule for an entered web address: one without a scheme gets https:// (`added` says so, for
 * a warning), anything else is left as written for isHttpUrl to judge (so "javascript:…" stays
 * refused). Used by every URL field (shared/fields.ts optUrl), the CSV import and the vCard import.
 */
export function normalizeUrl(raw: string): { url: string; added: boolean } {
  const v = raw.trim();
  if (!/^[a-z][a-z0-9+.-]*:/i.test(v) && BARE.test(v) && isHttpUrl(`https://${v}`)) return { url: `https://${v}`, added: true };
  return { url: v, added: false };
}

/**
 * The first web address in free text (an interview's "Location or meeting link"), normalised, with
 * the text around it; null when there is none. Trailing punctuation of the sentence stays outside.
 */
export function linkIn(text: string): { before: string; text: string; url: string; after: string } | null {
  for (const m of text.matchAll(/\S+/g)) {
    const token = m[0].replace(/[.,;:!?)\]}>»"'’]+$/, '').replace(/^[(<«"'‘[{]+/, '');
    if (!token) continue;
    const start = m.index + m[0].indexOf(token);
    const { url } = normalizeUrl(token);
    if (isHttpUrl(url) && (/^https?:\/\//i.test(token) || BARE.test(token))) {
      return { before: text.slice(0, start), text: token, url, after: text.slice(start + token.length) };
    }
  }
  return null;
}
