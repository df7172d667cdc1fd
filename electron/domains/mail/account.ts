// The connected email account: its settings, read by the outbox (SMTP) and reply tracking (IMAP).
// Only settings live here; the password is the secret store's (ctx.secrets).
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../db/context';
import { prepare } from '../../db/sql';
import { mailAccount } from '../../db/schema';
import type { MailAccount } from '../../shared/mail';

/** The account row's id: there is at most one account. */
export const ACCOUNT_ID = 1;

const accountRow = prepare((db) => db.select().from(mailAccount).where(eq(mailAccount.id, ACCOUNT_ID)).prepare());

/** The connected account's settings, or null when no account is connected. */
export function getMailAccount(ctx: Pick<Ctx, 'db'>): MailAccount | null {
  const row = accountRow(ctx).get();
  if (!row) return null;
  return {
    address: row.address,
    displayName: row.displayName,
    username: row.username,
    smtpHost: row.smtpHost,
    smtpPort: row.smtpPort,
    smtpSecurity: row.smtpSecurity,
    imapHost: row.imapHost,
    imapPort: row.imapPort,
    imapSecurity: row.imapSecurity,
    saveSentCopy: row.saveSentCopy,
    updatedAt: row.updatedAt,
  };
}
