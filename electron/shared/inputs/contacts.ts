// The editable fields of a contact. Below the domains so a vCard import checks each card exactly as
// contacts.create does; the contract (api/contract/contacts.ts) re-exports them.
import { z } from 'zod';
import { optEmail, optText, optUrl, reqText } from '../fields';

/** Every editable field of a contact; the company is given by name (found or created). */
export const contactFields = {
  name: reqText('Name', 200),
  title: optText(200, 'Title'),
  company: optText(200, 'Company'),
  email: optEmail,
  phone: optText(100, 'Phone'),
  addressLines: optText(500, 'Street address'),
  city: optText(200, 'City'),
  region: optText(200, 'State or region'),
  postalCode: optText(40, 'Postal code'),
  country: optText(200, 'Country'),
  url: optUrl('Link'),
  metHow: optText(2000, 'How you met'),
  notes: optText(20000, 'Notes'),
};
export const ContactFields = z.object(contactFields);
export type ContactFieldsT = z.output<typeof ContactFields>;
