// The email account form, validated in main with a message per field (the form shows each beside its
// field). Below the domains so the domain checks a stored account with the same rules.
import { z } from 'zod';
import { EMAIL_MESSAGE, isEmail } from '../email';
import { isLoopbackHost, MAIL_SECURITIES } from '../mail';

// A DNS name or an IP literal; no scheme, path or port (those go in their own fields).
const HOST_RE = /^(?:\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*)$/i;

const host = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(253, `${label} must be at most 253 characters.`)
    .refine((h) => HOST_RE.test(h), `${label} must be a server name like smtp.example.com (no "https://", path or port).`);

const port = (label: string) =>
  z
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(1, `${label} must be from 1 to 65535.`)
    .max(65535, `${label} must be from 1 to 65535.`);

const security = (label: string) => z.enum(MAIL_SECURITIES, { error: `${label}: choose TLS, STARTTLS or none.` });

export const PLAIN_ONLY_LOOPBACK = 'A connection without encryption is allowed only to this computer (localhost); choose TLS or STARTTLS.';

export const MailAccountFields = z
  .object({
    address: z
      .string({ error: EMAIL_MESSAGE })
      .trim()
      .max(320, 'The address must be at most 320 characters.')
      .refine((v) => isEmail(v), EMAIL_MESSAGE),
    displayName: z
      .string()
      .trim()
      .max(200, 'The name must be at most 200 characters.')
      .nullish()
      .transform((v) => (v ? v.replace(/[\r\n\t]+/g, ' ') : null)),
    /** The login name; empty means the address. */
    username: z
      .string()
      .trim()
      .max(320, 'The user name must be at most 320 characters.')
      .nullish()
      .transform((v) => v || null),
    smtpHost: host('The SMTP server'),
    smtpPort: port('The SMTP port'),
    smtpSecurity: security('SMTP security'),
    imapHost: host('The IMAP server'),
    imapPort: port('The IMAP port'),
    imapSecurity: security('IMAP security'),
    saveSentCopy: z.boolean({ error: 'Say whether to save a copy in Sent (true or false).' }),
  })
  .superRefine((v, ctx) => {
    if (v.smtpSecurity === 'none' && !isLoopbackHost(v.smtpHost)) ctx.addIssue({ code: 'custom', path: ['smtpSecurity'], message: PLAIN_ONLY_LOOPBACK });
    if (v.imapSecurity === 'none' && !isLoopbackHost(v.imapHost)) ctx.addIssue({ code: 'custom', path: ['imapSecurity'], message: PLAIN_ONLY_LOOPBACK });
  });

/** The password field: never echoed back; absent keeps the one already kept. */
export const MailPassword = z
  .string({ error: 'The password must be text.' })
  .min(1, 'Enter the password (or app password).')
  .max(1000, 'The password must be at most 1000 characters.');
