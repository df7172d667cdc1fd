import { z } from 'zod';
import { method } from '../define';

const rate = z.object({ count: z.number(), of: z.number() });

export const insightsContract = {
  'insights.get': method(
    'Facts about your follow-up: thank-yous sent and on time, delivery mix, replies by delivery, stage counts, and outcomes side by side.',
    z.object({}),
    z.object({
      stages: z.array(z.object({ stage: z.string(), count: z.number() })),
      /** Ended interviews where every person met got a thank-you that went out. */
      interviewsThanked: rate,
      /** Thank-yous that went out, and how many by their due time. */
      thankYousOnTime: rate,
      delivery: z.object({ email: z.number(), handwritten: z.number() }),
      /** Per delivery: notes that went out (of) and how many of them got a matched reply (count). */
      replies: z.object({ email: rate, handwritten: rate }),
      /** Whether the inbox was ever checked for replies (an account connected): without it there are none to count. */
      repliesTracked: z.boolean(),
      afterRejection: rate,
      /** Applications with interviews, grouped by whether everyone was thanked, with how many reached an offer. */
      outcomes: z.array(z.object({ group: z.enum(['all_thanked', 'some_thanked', 'none_thanked']), applications: z.number(), reachedOffer: z.number() })),
    }),
  ),
};
