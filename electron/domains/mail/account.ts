// The connected email account: its settings, read by the outbox (SMTP) and reply tracking (IMAP).
// Only settings live here; the password is the secret store's (ctx.secrets).
import { eq } from 'drizzle-orm';
import type { Ctx, Handlers } from '../../db/context';
import type { MethodOutput, ParsedInput } from '../../api/contract';
import { prepare, tx } from '../../db/sql';
import { invalid } from '../../shared/errors';
import { checkImap, checkSmtp } from './connect';
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

type AccountInput = ParsedInput<'mail.saveAccount'>;

/** The settings as the connections use them: an empty user name means the address. */
function fromInput(input: AccountInput, updatedAt: number): MailAccount {
  return {
    address: input.address,
    displayName: input.displayName,
    username: input.username ?? input.address,
    smtpHost: input.smtpHost,
    smtpPort: input.smtpPort,
    smtpSecurity: input.smtpSecurity,
    imapHost: input.imapHost,
    imapPort: input.imapPort,
    imapSecurity: input.imapSecurity,
    saveSentCopy: input.saveSentCopy,
    updatedAt,
  };
}

async function view(ctx: Ctx): Promise<MethodOutput<'mail.account'>> {
  return { account: getMailAccount(ctx), hasPassword: (await ctx.secrets.getPassword()) !== null, passwordKeptIn: ctx.secrets.where };
}

/** The password for a check: the one typed, else the one kept; null when there is neither. */
async function passwordFor(ctx: Ctx, typed: string | undefined): Promise<string | null> {
  return typed ?? (await ctx.secrets.getPassword());
}

const NEED_PASSWORD = 'Enter the password (or app password) for this account.';

export const accountHandlers: Handlers<'mail.account' | 'mail.saveAccount' | 'mail.removeAccount' | 'mail.testConnection'> = {
  'mail.account': (_input, ctx) => view(ctx),

  'mail.saveAccount': async ({ password, ...input }, ctx) => {
    if (password === undefined && (await ctx.secrets.getPassword()) === null) throw invalid({ password: NEED_PASSWORD });
    const now = ctx.clock.now();
    const { updatedAt: _u, ...values } = fromInput(input, now);
    // The secret first: a settings row without its password would send nothing, the reverse is harmless.
    if (password !== undefined) await ctx.secrets.setPassword(password);
    tx(ctx, () => {
      ctx.db
        .insert(mailAccount)
        .values({ id: ACCOUNT_ID, ...values, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: mailAccount.id, set: { ...values, updatedAt: now } })
        .run();
    });
    return view(ctx);
  },

  'mail.removeAccount': async (_input, ctx) => {
    tx(ctx, () => {
      ctx.db.delete(mailAccount).where(eq(mailAccount.id, ACCOUNT_ID)).run();
    });
    await ctx.secrets.clearPassword();
    return view(ctx);
  },

  'mail.testConnection': async ({ password, ...input }, ctx) => {
    const pass = await passwordFor(ctx, password);
    if (pass === null) throw invalid({ password: NEED_PASSWORD });
    const account = fromInput(input, ctx.clock.now());
    const [smtp, imap] = await Promise.all([checkSmtp(account, pass), checkImap(account, pass)]);
    return { smtp, imap };
  },
};
