// Server settings of common providers, for the Settings → Email form. Each needs an app password when
// the account uses two-step sign-in (all of these ask for one; the normal password is refused over
// SMTP/IMAP). saveSentCopy: whether Courtesy appends a copy to Sent; off where the provider files
// messages sent over its SMTP server in Sent by itself.
import type { MailAccount, MailSecurity } from './mail';

/** A provider's servers: the account's server fields, named, with where its app passwords are made. */
export type MailPreset = Pick<MailAccount, 'smtpHost' | 'smtpPort' | 'smtpSecurity' | 'imapHost' | 'imapPort' | 'imapSecurity' | 'saveSentCopy'> & {
  id: string;
  label: string;
  /** Where the provider makes app passwords, in words. */
  appPasswordHint: string;
};

export const MAIL_PRESETS: readonly MailPreset[] = [
  {
    id: 'gmail',
    label: 'Gmail',
    smtpHost: 'smtp.gmail.com',
    smtpPort: 465,
    smtpSecurity: 'tls',
    imapHost: 'imap.gmail.com',
    imapPort: 993,
    imapSecurity: 'tls',
    saveSentCopy: false,
    appPasswordHint: 'Google Account → Security → 2-Step Verification → App passwords.',
  },
  {
    id: 'icloud',
    label: 'iCloud Mail',
    smtpHost: 'smtp.mail.me.com',
    smtpPort: 587,
    smtpSecurity: 'starttls',
    imapHost: 'imap.mail.me.com',
    imapPort: 993,
    imapSecurity: 'tls',
    saveSentCopy: true,
    appPasswordHint: 'account.apple.com → Sign-In and Security → App-Specific Passwords.',
  },
  {
    id: 'fastmail',
    label: 'Fastmail',
    smtpHost: 'smtp.fastmail.com',
    smtpPort: 465,
    smtpSecurity: 'tls',
    imapHost: 'imap.fastmail.com',
    imapPort: 993,
    imapSecurity: 'tls',
    saveSentCopy: false,
    appPasswordHint: 'Settings → Privacy & Security → Manage app passwords.',
  },
  {
    id: 'outlook',
    label: 'Outlook.com',
    smtpHost: 'smtp-mail.outlook.com',
    smtpPort: 587,
    smtpSecurity: 'starttls',
    imapHost: 'outlook.office365.com',
    imapPort: 993,
    imapSecurity: 'tls',
    saveSentCopy: false,
    appPasswordHint: 'account.microsoft.com → Security → Advanced security options → App passwords.',
  },
  {
    id: 'yahoo',
    label: 'Yahoo Mail',
    smtpHost: 'smtp.mail.yahoo.com',
    smtpPort: 465,
    smtpSecurity: 'tls',
    imapHost: 'imap.mail.yahoo.com',
    imapPort: 993,
    imapSecurity: 'tls',
    saveSentCopy: true,
    appPasswordHint: 'Account Info → Account Security → Generate app password.',
  },
];

/** The usual port for a security choice, for when the person switches it. */
export function defaultPort(kind: 'smtp' | 'imap', security: MailSecurity): number {
  if (kind === 'smtp') return security === 'tls' ? 465 : security === 'starttls' ? 587 : 25;
  return security === 'tls' ? 993 : 143;
}
