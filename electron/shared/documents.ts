// Documents kept with an application: the résumé version sent, the cover letter, the posting, the offer
// letter. Which files are taken is decided here, by name AND content: a file must be one of the kinds a
// job search has, and its first bytes must agree with its extension, so a program renamed "cv.pdf" is
// refused. Nothing taken is ever executed or shown inside the app's window.

export const DOCUMENT_KINDS = ['resume', 'cover_letter', 'posting', 'offer_letter', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  resume: 'Résumé',
  cover_letter: 'Cover letter',
  posting: 'Posting',
  offer_letter: 'Offer letter',
  other: 'Other',
};

/** Large enough for any résumé, letter or saved posting; small enough to travel in one API call. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

type Sniff = (b: Uint8Array) => boolean;
const starts = (...sig: number[]): Sniff => (b) => sig.every((v, i) => b[i] === v);
const zip = starts(0x50, 0x4b, 0x03, 0x04);
const ole = starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
/** Text: valid UTF-8 (a BOM allowed) with no NUL byte. Checked by hand: this module runs in both processes. */
const text: Sniff = (b) => {
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c === 0) return false;
    const extra = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (extra < 0 || i + extra >= b.length + (extra === 0 ? 1 : 0)) return false;
    for (let k = 1; k <= extra; k++) if ((b[i + k] & 0xc0) !== 0x80) return false;
    i += extra + 1;
  }
  return true;
};

const TYPES: Record<string, { mediaType: string; sniff: Sniff; what: string }> = {
  pdf: { mediaType: 'application/pdf', sniff: starts(0x25, 0x50, 0x44, 0x46, 0x2d), what: 'a PDF' },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', sniff: zip, what: 'a Word document' },
  doc: { mediaType: 'application/msword', sniff: ole, what: 'a Word document' },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', sniff: zip, what: 'an OpenDocument text' },
  rtf: { mediaType: 'application/rtf', sniff: starts(0x7b, 0x5c, 0x72, 0x74, 0x66), what: 'an RTF document' },
  txt: { mediaType: 'text/plain', sniff: text, what: 'plain text' },
  md: { mediaType: 'text/markdown', sniff: text, what: 'plain text' },
  html: { mediaType: 'text/html', sniff: text, what: 'a web page' },
  htm: { mediaType: 'text/html', sniff: text, what: 'a web page' },
  png: { mediaType: 'image/png', sniff: starts(0x89, 0x50, 0x4e, 0x47), what: 'a PNG image' },
  jpg: { mediaType: 'image/jpeg', sniff: starts(0xff, 0xd8, 0xff), what: 'a JPEG image' },
  jpeg: { mediaType: 'image/jpeg', sniff: starts(0xff, 0xd8, 0xff), what: 'a JPEG image' },
};
export const DOCUMENT_EXTENSIONS = Object.keys(TYPES);

/** Windows (MZ), ELF and Mach-O programs and shell scripts: refused whatever they are named. */
const isProgram = (b: Uint8Array) =>
  starts(0x4d, 0x5a)(b) ||
  starts(0x7f, 0x45, 0x4c, 0x46)(b) ||
  [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0) ||
  starts(0x23, 0x21)(b);

export type DocumentCheck = { ok: true; mediaType: string } | { ok: false; message: string };

export function checkDocument(name: string, bytes: Uint8Array): DocumentCheck {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const type = TYPES[ext];
  if (!type) return { ok: false, message: `Courtesy keeps PDF, Word, OpenDocument, RTF, text, web page and image files; "${name}" is not one of them.` };
  if (bytes.length === 0) return { ok: false, message: `"${name}" is empty.` };
  if (bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, message: `"${name}" is ${(bytes.length / 1048576).toFixed(1)} MB; a document can be at most 10 MB.` };
  if (isProgram(bytes)) return { ok: false, message: `"${name}" is a program, not a document; it was not kept.` };
  if (!type.sniff(bytes)) return { ok: false, message: `"${name}" is named like ${type.what} but its contents are not; it was not kept.` };
  return { ok: true, mediaType: type.mediaType };
}

/** A file name safe to write to a temporary folder and to offer as a download: no folders, no control characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').replace(/^\.+/, '').trim();
  return clean.slice(-120) || 'document';
}
