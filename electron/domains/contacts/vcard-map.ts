// The mapping between a parsed vCard and a contact: every email, phone and address with its label and
// primary, the structured name, and X-COURTESY-* app fields. What a contact has no place for (ORG
// units, BDAY, further links, fax numbers, a full name with titles) goes into labelled lines of the
// notes, and each such move is said in the card's warnings. Export writes the same back, so importing
// our own export into the same contacts changes nothing.
import type { z } from 'zod';
import type { ImportContact } from '../../api/contract/contacts';
import type { ContactAddressT, ContactEmailT, ContactPhoneT } from '../../api/contract/contacts';
import { CHANNEL_LABEL_NAMES, type EmailLabel, type PhoneLabel } from '../../shared/domain';
import { isEmail } from '../../shared/email';
import { displayName } from '../../shared/names';
import { isHttpUrl, normalizeUrl } from '../../shared/url';
import { count, listAnd } from '../../shared/words';
import type { VCardAddress, VCardContact, VCardExportContact, VCardPhone } from '../../formats/vcard';
import { formatAddress } from './merge';
import type { ContactRow } from './queries';

type ImportContactT = z.output<typeof ImportContact>;

/** The contact input schema's limit on each kind; more go into notes. */
const MAX_PER_KIND = 20;

const emailLabel = (l: string): EmailLabel => (l === 'work' || l === 'home' ? l : 'other');
const phoneLabel = (l: string): PhoneLabel => (l === 'work' || l === 'home' || l === 'mobile' ? l : 'other');
const labelText = (c: { label: string; customLabel: string | null }) => c.customLabel ?? CHANNEL_LABEL_NAMES[phoneLabel(c.label)].toLowerCase();
const addressText = (a: VCardAddress) => `${formatAddress(a)} (${labelText(a)})`;
const squash = (s: string) => s.replace(/\s+/g, '');

/** A phone a contact's phone list should not hold: a fax or pager number cannot be called. */
const notCallable = (p: VCardPhone) => p.types.find((t) => t === 'fax' || t === 'pager');

export function fromVCard(v: VCardContact): { contact: ImportContactT; warnings: string[] } {
  const warnings: string[] = [];
  const lines: string[] = [];
  const moved: string[] = [];

  // Name: N as entered; FN when the card has no N. A full name the parts cannot give back (titles,
  // middle names) is kept in notes, once: our own export writes FN from the parts, so it matches.
  // With only one part (a company card's N:Initech;;;; beside FN:Initech Talent Team) that part is
  // not the name: FN is kept whole and the parts left empty.
  const nameOrder = v.nameOrder;
  const oneSided = !v.n?.given !== !v.n?.family;
  const asWritten = (n: VCardContact['n']) => squash(displayName({ givenName: n?.given || null, familyName: n?.family || null, nameOrder }) ?? '') === squash(v.name);
  const useParts = !!v.n && (asWritten(v.n) || !oneSided);
  const givenName = useParts ? v.n!.given || null : null;
  const familyName = useParts ? v.n!.family || null : null;
  const derived = displayName({ givenName, familyName, nameOrder });
  if (derived && squash(derived) !== squash(v.name)) {
    lines.push(`Name on the card: ${v.name}`);
    warnings.push(`Name saved as “${derived}” from its parts; the card’s full name “${v.name}” is kept in notes`);
  }

  const emails = v.emails.filter((e) => isEmail(e.value));
  const badEmails = v.emails.filter((e) => !isEmail(e.value)).map((e) => e.value);
  const phones = v.phones.filter((p) => !notCallable(p));
  const faxes = v.phones.filter(notCallable);
  const keptEmails = emails.slice(0, MAX_PER_KIND);
  const keptPhones = phones.slice(0, MAX_PER_KIND);
  const keptAddresses = v.addresses.slice(0, MAX_PER_KIND);
  const extraEmails = [...emails.slice(MAX_PER_KIND).map((e) => `${e.value} (${labelText(e)})`), ...badEmails];
  const extraPhones = phones.slice(MAX_PER_KIND);
  const extraAddresses = v.addresses.slice(MAX_PER_KIND);
  for (const c of [...keptEmails, ...keptPhones, ...keptAddresses]) {
    if (c.customLabel) warnings.push(`Label “${c.customLabel}” of ${'value' in c ? c.value : formatAddress(c)} saved as ${c.label}`);
  }

  let url: string | null = null;
  const otherLinks: string[] = [];
  for (const raw of v.urls.map((u) => u.value)) {
    // The one URL rule (shared/url.ts): a link without its scheme gets https://.
    const link = normalizeUrl(raw).url;
    if (url === null && isHttpUrl(link)) {
      if (link !== raw) warnings.push(`Link “${raw}” had no http(s)://; saved as ${link}`);
      url = link;
    } else if (link !== url) otherLinks.push(raw);
  }

  if (v.org?.units.length) lines.push(`Department: ${v.org.units.join(', ')}`);
  if (v.birthday) lines.push(`Birthday: ${v.birthday}`);
  for (const x of v.extras) lines.push(`${x.label}: ${x.value}`);
  if (faxes.length) lines.push(`Fax and pager: ${faxes.map((p) => `${p.value} (${[labelText(p) === 'other' ? '' : labelText(p), notCallable(p)].filter(Boolean).join(' ')})`).join(', ')}`);
  if (extraEmails.length) lines.push(`Other emails: ${extraEmails.join(', ')}`);
  if (badEmails.length) warnings.push(`${count(badEmails.length, { one: 'email', other: 'emails' })} not valid (${listAnd(badEmails)}); kept in notes`);
  if (extraPhones.length) lines.push(`Other phones: ${extraPhones.map((p) => `${p.value} (${labelText(p)})`).join(', ')}`);
  if (extraAddresses.length) lines.push(`Other addresses:\n${extraAddresses.map((a) => `- ${addressText(a)}`).join('\n')}`);
  if (otherLinks.length) lines.push(`Other links: ${otherLinks.join(' ')}`);
  const moves: Array<[number, string, string]> = [
    [v.org?.units.length ? 1 : 0, 'the department', 'the department'],
    [v.birthday ? 1 : 0, 'the birthday', 'the birthday'],
    [faxes.length, 'fax or pager number', 'fax or pager numbers'],
    [extraEmails.length - badEmails.length, 'more email', 'more emails'],
    [extraPhones.length, 'more phone', 'more phones'],
    [extraAddresses.length, 'more address', 'more addresses'],
    [otherLinks.length, 'more link', 'more links'],
  ];
  for (const [n, one, other] of moves) if (n > 0) moved.push(one.startsWith('the ') ? one : count(n, { one, other }));
  for (const x of v.extras) moved.push(x.label.toLowerCase());
  if (moved.length) warnings.push(`Kept in notes: ${listAnd(moved)}`);

  const notes = [...v.notes, lines.join('\n')].filter(Boolean).join('\n\n') || null;
  return {
    contact: {
      name: derived ?? v.name,
      givenName,
      familyName,
      nameOrder,
      title: v.title,
      company: v.org?.name || null,
      emails: keptEmails.map((e, i) => ({ address: e.value, label: emailLabel(e.label), isPrimary: i === 0 })),
      phones: keptPhones.map((p, i) => ({ number: p.value, label: phoneLabel(p.label), isPrimary: i === 0 })),
      addresses: keptAddresses.map((a, i) => ({
        lines: a.lines,
        city: a.city,
        region: a.region,
        postalCode: a.postalCode,
        country: a.country,
        label: emailLabel(a.label),
        isPrimary: i === 0,
      })),
      url,
      metHow: v.app.metHow,
      notes,
    },
    warnings,
  };
}

/** A saved contact with all its channels, as the vCard writer takes it. */
export function toVCardContact(r: ContactRow, ch: { emails: ContactEmailT[]; phones: ContactPhoneT[]; addresses: ContactAddressT[] }): VCardExportContact {
  return {
    name: r.name,
    givenName: r.givenName,
    familyName: r.familyName,
    nameOrder: r.nameOrder,
    title: r.title,
    company: r.company,
    emails: ch.emails.map((e) => ({ value: e.address, label: e.label, primary: e.isPrimary })),
    phones: ch.phones.map((p) => ({ value: p.number, label: p.label, primary: p.isPrimary })),
    addresses: ch.addresses.map((a) => ({ ...a, primary: a.isPrimary })),
    urls: r.url ? [r.url] : [],
    notes: r.notes,
    app: { metHow: r.metHow },
  };
}
