// An email note leaves Courtesy as a mailto: link (when short enough) and as an .eml file to open in
// any mail program; the user's own mail program sends it.
import type { Handlers } from '../../db/context';
import { AppError, conflict, invalid } from '../../shared/errors';
import { NOTE_KIND_LABELS } from '../../shared/domain';
import { buildEml } from '../../formats/eml/eml';
import { buildMailto } from '../../formats/mailto/mailto';
import { getSettings } from '../settings/settings';
import { getNote } from './detail';

function safeFilename(s: string): string {
  const clean = s
    .replace(/[\p{Cc}\\/:*?"<>|]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
  return clean || 'note';
}

export const emailHandlers: Handlers<'notes.emailDraft'> = {
  'notes.emailDraft': async ({ id }, ctx) => {
    const n = getNote(ctx, id);
    if (n.delivery !== 'email') throw conflict('This note is a handwritten card; print it instead.');
    const email = n.recipient?.email ?? '';
    const subject = n.subject ?? '';
    let mailto: string | null = null;
    let mailtoLength: number;
    try {
      const m = buildMailto({ to: email, subject, body: n.body });
      if ('url' in m) {
        mailto = m.url;
        mailtoLength = m.url.length;
      } else mailtoLength = m.length;
    } catch (err) {
      if (err instanceof AppError) throw invalid({ email: `The recipient's email address "${email}" cannot be used; correct it on the contact.` }, err.message);
      throw err;
    }
    const profile = getSettings(ctx).profile;
    const raw = await buildEml({
      from: profile.email ? { name: profile.name, email: profile.email } : null,
      to: { name: n.recipient?.name ?? null, email },
      subject,
      body: n.body,
      date: new Date(ctx.clock.now()),
    });
    const filename = `${safeFilename(`${NOTE_KIND_LABELS[n.kind]} to ${n.recipientName ?? 'recipient'}`)}.eml`;
    return { mailto, mailtoLength, eml: { filename, base64: raw.toString('base64') } };
  },

};
