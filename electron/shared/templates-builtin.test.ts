// Every built-in template, merged with the four ways people write a debrief: full sentences, lowercase
// phrases, bullets and multi-line text. The expectations are the notes as a person should read them
// (reviewed by reading; edit them by hand when a template's wording changes).
import { describe, expect, it } from 'vitest';
import { renderTemplate, type MergeData } from './merge';
import { BUILT_IN_TEMPLATES } from './templates-builtin';

const base = { contact: { name: 'Jordan Blake' }, company: { name: 'Brightline' }, application: { role: 'Design Systems Lead' }, profile: { name: 'Maya Chen', signature: 'Warmly,\nMaya' } };

const DEBRIEFS: Record<string, MergeData> = {
  // As people write them: whole sentences about the person, in the third person.
  sentences: {
    ...base,
    interview: { date: 'Tuesday, March 4', challenge: 'Their design system has drifted across six product teams.', topics: 'The team is moving its tokens out of Figma. Accessibility audits happen every quarter.' },
    participant: { talkedAbout: 'Jordan runs the frontend platform and wants to multiply its impact.' },
  },
  // Short lowercase phrases, a comma list; a signature without a closing of its own.
  lowercase: {
    ...base,
    profile: { name: 'Maya Chen', signature: 'Maya Chen\n+1 555 0100' },
    interview: { date: 'Tuesday, March 4', challenge: 'getting six teams onto one component library', topics: 'token pipeline from Figma, accessibility audits' },
    participant: { talkedAbout: 'visual regression testing with Storybook' },
  },
  bulleted: {
    ...base,
    interview: { date: 'Tuesday, March 4', challenge: '• Adoption across six teams\n• Skeptical engineers', topics: '- Token pipeline from Figma\n- Accessibility audits\n- Adoption metrics' },
    participant: { talkedAbout: '* The failed 2022 rollout\n* Why teams forked the components' },
  },
  // Sentences on separate lines, "She" for the recipient, a product name among lowercase topics.
  multiline: {
    ...base,
    contact: { name: 'Dr. Amara Okafor' },
    company: { name: "St. Catherine's Hospital" },
    application: { role: 'Charge Nurse' },
    profile: { name: 'Maya Chen', signature: 'Best,\nMaya Chen, RN' },
    interview: { date: 'Friday, May 9', challenge: 'Weekend night shifts go unfilled.\nAgency staff cost twice as much.', topics: 'Epic charting\nunion rules\nthe new float pool' },
    participant: { talkedAbout: 'She leads the night shift on 4 West.\nHer team is two nurses short.' },
  },
};

const EXPECTED: Record<string, Record<string, string>> = {
  sentences: {
    "Thank-you email after an interview": `Dear Jordan,

Thank you for talking with me on Tuesday, March 4 about the Design Systems Lead role at Brightline. I especially appreciated hearing that you run the frontend platform and want to multiply its impact.

You said the challenge ahead is that your design system has drifted across six product teams. {{how you would meet that challenge, with one concrete example}}

Our conversation made me even more excited about the chance to join Brightline.

Warmly,
Maya`,
    "Short handwritten card": `Dear Jordan,

Thank you for our conversation about how you run the frontend platform and want to multiply its impact. {{one sentence on how you would help with the challenge}}

I hope to continue the conversation soon.

Warmly,
Maya Chen`,
    "Gracious note after a rejection": `Dear Jordan,

Thank you for letting me know about your decision on the Design Systems Lead role, and for the time you and the team spent with me. I enjoyed learning that the team is moving its tokens out of Figma and accessibility audits happen every quarter.

I remain very interested in Brightline and what you are building. {{what you bring, in one sentence}}

If another role opens that fits, I would be grateful if you kept me in mind. I hope our paths cross again.

Warmly,
Maya`,
    "Follow-up: may I call with a question?": `Dear Jordan,

Thank you again for our conversation about the Design Systems Lead role. Since we spoke I have been thinking about how your design system has drifted across six product teams, and I have a follow-up question: {{your question}}

Would you be open to a short call? {{two times that suit you}}

Warmly,
Maya`,
  },
  lowercase: {
    "Thank-you email after an interview": `Dear Jordan,

Thank you for talking with me on Tuesday, March 4 about the Design Systems Lead role at Brightline. I especially appreciated hearing about visual regression testing with Storybook.

You said the challenge ahead is getting six teams onto one component library. {{how you would meet that challenge, with one concrete example}}

Our conversation made me even more excited about the chance to join Brightline.

Best regards,
Maya Chen
+1 555 0100`,
    "Short handwritten card": `Dear Jordan,

Thank you for our conversation about visual regression testing with Storybook. {{one sentence on how you would help with the challenge}}

I hope to continue the conversation soon.

Warmly,
Maya Chen`,
    "Gracious note after a rejection": `Dear Jordan,

Thank you for letting me know about your decision on the Design Systems Lead role, and for the time you and the team spent with me. I enjoyed learning about token pipeline from Figma and accessibility audits.

I remain very interested in Brightline and what you are building. {{what you bring, in one sentence}}

If another role opens that fits, I would be grateful if you kept me in mind. I hope our paths cross again.

Best regards,
Maya Chen
+1 555 0100`,
    "Follow-up: may I call with a question?": `Dear Jordan,

Thank you again for our conversation about the Design Systems Lead role. Since we spoke I have been thinking about getting six teams onto one component library, and I have a follow-up question: {{your question}}

Would you be open to a short call? {{two times that suit you}}

Best regards,
Maya Chen
+1 555 0100`,
  },
  bulleted: {
    "Thank-you email after an interview": `Dear Jordan,

Thank you for talking with me on Tuesday, March 4 about the Design Systems Lead role at Brightline. I especially appreciated hearing about the failed 2022 rollout and why teams forked the components.

You said the challenge ahead is adoption across six teams and skeptical engineers. {{how you would meet that challenge, with one concrete example}}

Our conversation made me even more excited about the chance to join Brightline.

Warmly,
Maya`,
    "Short handwritten card": `Dear Jordan,

Thank you for our conversation about the failed 2022 rollout and why teams forked the components. {{one sentence on how you would help with the challenge}}

I hope to continue the conversation soon.

Warmly,
Maya Chen`,
    "Gracious note after a rejection": `Dear Jordan,

Thank you for letting me know about your decision on the Design Systems Lead role, and for the time you and the team spent with me. I enjoyed learning about token pipeline from Figma, accessibility audits, and adoption metrics.

I remain very interested in Brightline and what you are building. {{what you bring, in one sentence}}

If another role opens that fits, I would be grateful if you kept me in mind. I hope our paths cross again.

Warmly,
Maya`,
    "Follow-up: may I call with a question?": `Dear Jordan,

Thank you again for our conversation about the Design Systems Lead role. Since we spoke I have been thinking about adoption across six teams and skeptical engineers, and I have a follow-up question: {{your question}}

Would you be open to a short call? {{two times that suit you}}

Warmly,
Maya`,
  },
  multiline: {
    "Thank-you email after an interview": `Dear Amara,

Thank you for talking with me on Friday, May 9 about the Charge Nurse role at St. Catherine's Hospital. I especially appreciated hearing that you lead the night shift on 4 West and your team is two nurses short.

You said the challenge ahead is that weekend night shifts go unfilled and agency staff cost twice as much. {{how you would meet that challenge, with one concrete example}}

Our conversation made me even more excited about the chance to join St. Catherine's Hospital.

Best,
Maya Chen, RN`,
    "Short handwritten card": `Dear Amara,

Thank you for our conversation about how you lead the night shift on 4 West and your team is two nurses short. {{one sentence on how you would help with the challenge}}

I hope to continue the conversation soon.

Warmly,
Maya Chen`,
    "Gracious note after a rejection": `Dear Amara,

Thank you for letting me know about your decision on the Charge Nurse role, and for the time you and the team spent with me. I enjoyed learning about Epic charting, union rules, and the new float pool.

I remain very interested in St. Catherine's Hospital and what you are building. {{what you bring, in one sentence}}

If another role opens that fits, I would be grateful if you kept me in mind. I hope our paths cross again.

Best,
Maya Chen, RN`,
    "Follow-up: may I call with a question?": `Dear Amara,

Thank you again for our conversation about the Charge Nurse role. Since we spoke I have been thinking about how weekend night shifts go unfilled and agency staff cost twice as much, and I have a follow-up question: {{your question}}

Would you be open to a short call? {{two times that suit you}}

Best,
Maya Chen, RN`,
  },

};

describe('built-in templates read naturally with any debrief', () => {
  it('covers every built-in template for every debrief', () => {
    for (const k of Object.keys(DEBRIEFS)) expect(Object.keys(EXPECTED[k]).sort()).toEqual(BUILT_IN_TEMPLATES.map((t) => t.name).sort());
  });
  for (const [k, data] of Object.entries(DEBRIEFS)) {
    for (const t of BUILT_IN_TEMPLATES) {
      it(`${t.name} with a ${k} debrief`, () => {
        const r = renderTemplate(t.body, data);
        expect(r.text).toBe(EXPECTED[k][t.name]);
        // Nothing a person would not write: no doubled punctuation, no raw list, one closing.
        expect(r.text).not.toMatch(/\.\.|\n[-*•] |about [A-Z][a-z]+ (?:runs|is|has)/);
        expect(r.text.match(/\n(?:Best regards|Warmly|Best),\n/g)?.length ?? 0).toBeLessThanOrEqual(1);
        for (const u of r.unfilled) expect(r.text.slice(u.start, u.end)).toBe(`{{${u.field}}}`);
      });
    }
  }
});
