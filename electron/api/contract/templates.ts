import { z } from 'zod';
import { DELIVERIES, NOTE_KINDS } from '../../shared/domain';
import { id, method, ok, optText, reqText } from '../define';

export const Template = z.object({
  id: z.number(),
  kind: z.enum(NOTE_KINDS),
  delivery: z.enum(DELIVERIES),
  name: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  builtIn: z.boolean(),
  updatedAt: z.number(),
});

const fields = {
  kind: z.enum(NOTE_KINDS, { error: 'Choose what kind of note this template is for.' }),
  delivery: z.enum(DELIVERIES, { error: 'Choose email or handwritten.' }),
  name: reqText('Name', 100),
  subject: optText(300, 'Subject'),
  body: z.string().trim().min(1, 'Write the template text.').max(20000, 'Text can be at most 20,000 characters.'),
};

export const templatesContract = {
  'templates.list': method('Templates, built-in first.', z.object({ kind: z.enum(NOTE_KINDS).optional() }), z.object({ items: z.array(Template) })),
  'templates.create': method('Add your own template.', z.object(fields), Template),
  'templates.update': method('Edit a template (built-ins too).', z.object({ id, ...fields }).partial().required({ id: true }), Template),
  'templates.reset': method('Put a built-in template back to its original words.', z.object({ id }), Template),
  'templates.delete': method('Delete one of your own templates.', z.object({ id }), ok),
  'templates.render': method(
    'Fill a template with the merge fields of a recipient, application and interview; unfilled fields stay marked.',
    z.object({ templateId: id, contactId: id.nullish(), applicationId: id.nullish(), interviewId: id.nullish() }),
    z.object({
      subject: z.string().nullable(),
      body: z.string(),
      unfilled: z.array(z.object({ field: z.string(), start: z.number(), end: z.number() })),
    }),
  ),
};
