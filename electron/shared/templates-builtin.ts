// The built-in templates. They follow the advice the product is built on: build on the conversation (the
// challenge they named, what this person talked about), say how you would meet it, keep the door open
// after a rejection. Parts only the writer can supply are written as {{...}} prompts: the merge check
// flags them until replaced, so they are never sent raw. Each field stands where merge.ts can fit a phrase,
// a list or a full sentence ("hearing about" takes "hearing that …"; "is" takes "is that …").
import type { Delivery, NoteKind } from './domain';

/** Each built-in has a stable key: stored as templates.builtin_key, never changed once shipped (a new
 * built-in gets a new key; a migration names the old keys for any built-in that is retired). */
export const BUILT_IN_TEMPLATES: Array<{ key: string; kind: NoteKind; delivery: Delivery; name: string; subject: string | null; body: string }> = [
  {
    key: 'thank_you.email',
    kind: 'thank_you',
    delivery: 'email',
    name: 'Thank-you email after an interview',
    subject: 'Thank you for our conversation about the {{application.role}} role',
    body: `Dear {{contact.firstName}},

Thank you for talking with me on {{interview.date}} about the {{application.role}} role at {{company.name}}. I especially appreciated hearing about {{participant.talkedAbout}}.

You said the challenge ahead is {{interview.challenge}}. {{how you would meet that challenge, with one concrete example}}

Our conversation made me even more excited about the chance to join {{company.name}}.

Best regards,
{{profile.signature}}`,
  },
  {
    key: 'thank_you.handwritten',
    kind: 'thank_you',
    delivery: 'handwritten',
    name: 'Short handwritten card',
    subject: null,
    body: `Dear {{contact.firstName}},

Thank you for our conversation about {{participant.talkedAbout}}. {{one sentence on how you would help with the challenge}}

I hope to continue the conversation soon.

Warmly,
{{profile.name}}`,
  },
  {
    key: 'after_rejection.email',
    kind: 'after_rejection',
    delivery: 'email',
    name: 'Gracious note after a rejection',
    subject: 'Thank you, and staying in touch',
    body: `Dear {{contact.firstName}},

Thank you for letting me know about your decision on the {{application.role}} role, and for the time you and the team spent with me. I enjoyed learning about {{interview.topics}}.

I remain very interested in {{company.name}} and what you are building. {{what you bring, in one sentence}}

If another role opens that fits, I would be grateful if you kept me in mind. I hope our paths cross again.

Best regards,
{{profile.signature}}`,
  },
  {
    key: 'follow_up.email',
    kind: 'follow_up',
    delivery: 'email',
    name: 'Follow-up: may I call with a question?',
    subject: 'A quick follow-up question',
    body: `Dear {{contact.firstName}},

Thank you again for our conversation about the {{application.role}} role. Since we spoke I have been thinking about {{interview.challenge}}, and I have a follow-up question: {{your question}}

Would you be open to a short call? {{two times that suit you}}

Best regards,
{{profile.signature}}`,
  },
];
