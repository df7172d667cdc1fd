import { z } from 'zod';
import { CARD_SIZES, ENVELOPE_SIZES } from '../../shared/domain';
import { id, method } from '../define';

const PdfFile = z.object({
  filename: z.string(),
  base64: z.string(),
  /** Characters the PDF fonts cannot draw (simplified or shown as "?"): write these in by hand. */
  replacedCharacters: z.array(z.string()),
});

export const printContract = {
  'print.cardText': method(
    "A printable PDF of a note's text inside an actual-size card outline, to copy by hand.",
    z.object({ noteId: id, cardSize: z.enum(CARD_SIZES, { error: 'Choose an A2 or A7 card.' }).optional() }),
    PdfFile,
  ),
  'print.envelope': method(
    'A printable PDF envelope (#10, A2 or A7): the return address from the profile and the recipient’s postal address.',
    z.object({ noteId: id, size: z.enum(ENVELOPE_SIZES, { error: 'Choose #10, A2 or A7.' }) }),
    PdfFile,
  ),
};
