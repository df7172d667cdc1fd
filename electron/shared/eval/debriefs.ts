// Debriefs of interviews across trades, written the way candidates write them: phrases, sentences,
// lists, lowercase and not. The evaluation notes (notes.ts, pairs.ts) are written against these.
import type { CheckInput } from '../checks';

export type Debrief = {
  company: string;
  role: string;
  challenge: string;
  topics: string;
  lookingFor: string;
  people: Record<string, { name: string; talkedAbout: string }>;
};

export const DEBRIEFS = {
  kestrel: {
    company: 'Kestrel Payments',
    role: 'Staff Backend Engineer',
    challenge: 'Nightly ledger reconciliation jobs take six hours and sometimes miss the bank cut-off.',
    topics: 'Kafka consumer lag; idempotency keys; PCI audit',
    lookingFor: 'someone who has run a large Postgres migration',
    people: {
      tomas: { name: 'Tomás Reyes', talkedAbout: 'the outage last March when the ledger double-posted refunds' },
      grace: { name: 'Grace Liu', talkedAbout: 'Grace mentors two junior engineers through their first on-call rotations.' },
    },
  },
  lumio: {
    company: 'Lumio',
    role: 'iOS Engineer',
    challenge: 'cold launch takes 4 seconds on older iPhones',
    topics: 'SwiftUI migration, offline sync, crash-free rate',
    lookingFor: 'someone who cares about accessibility',
    people: {
      ana: { name: 'Ana Petrov', talkedAbout: 'her VoiceOver audit of the checkout flow' },
      ben: { name: 'Ben Okoro', talkedAbout: 'moving the build to Bazel to cut CI times' },
    },
  },
  riverside: {
    company: 'Riverside General Hospital',
    role: 'ICU Charge Nurse',
    challenge: 'Nurses leave the night shift within their first year.',
    topics: 'sepsis bundle compliance\nbedside handoff\nthe float pool',
    lookingFor: 'a charge nurse who enjoys precepting new graduates',
    people: {
      marsh: { name: 'Dr. Helen Marsh', talkedAbout: 'the rapid response team and early warning scores' },
      vega: { name: 'Carlos Vega', talkedAbout: 'He is piloting self-scheduling on 5 North.' },
    },
  },
  maple: {
    company: 'Maple Grove Care Home',
    role: 'Nurse Lead',
    challenge: 'falls among residents living with dementia, mostly at night',
    topics: 'medication rounds; family communication; the CQC inspection in spring',
    lookingFor: 'a calm lead who trains carers on the floor',
    people: {
      priti: { name: 'Priti Shah', talkedAbout: 'the sensory garden she built with residents' },
      owen: { name: 'Owen Hughes', talkedAbout: 'switching medication records to an eMAR system' },
    },
  },
  hollis: {
    company: 'Hollis & Pike',
    role: 'Store Manager',
    challenge: 'shrink at the Eastgate store is double the regional average',
    topics: '- Black Friday staffing\n- self-checkout\n- visual merchandising',
    lookingFor: 'someone who can coach part-time staff',
    people: {
      denise: { name: 'Denise Carter', talkedAbout: 'her plan to cross-train cashiers on stockroom work' },
      omar: { name: 'Omar Haddad', talkedAbout: 'the click-and-collect counter that keeps running out of space' },
    },
  },
  verde: {
    company: 'Verde Grocers',
    role: 'Assistant Store Manager',
    challenge: 'produce waste running above 9% of sales',
    topics: 'markdown timing, supplier delivery windows',
    lookingFor: 'a manager who is comfortable with early starts',
    people: {
      lucy: { name: 'Lucy Tran', talkedAbout: 'the community fridge partnership with the food bank' },
      dev: { name: 'Dev Patel', talkedAbout: 'scheduling software for the weekend team' },
    },
  },
  brookfield: {
    company: 'Brookfield Middle School',
    role: '7th Grade Science Teacher',
    challenge: 'Students came back from the pandemic two grade levels behind in reading science texts.',
    topics: 'project-based learning\nthe robotics club\nstandards-based grading',
    lookingFor: 'someone who can co-teach with the special education staff',
    people: {
      pierce: { name: 'Alan Pierce', talkedAbout: 'the new block schedule next fall' },
      rosa: { name: 'Rosa Jimenez', talkedAbout: 'the field trip to the Cedar Creek wetlands' },
    },
  },
  northgate: {
    company: 'Northgate Community College',
    role: 'ESL Instructor',
    challenge: 'adult learners drop out after week three of evening classes',
    topics: 'placement testing; childcare during class; the conversation café',
    lookingFor: 'an instructor with experience teaching refugees',
    people: {
      farah: { name: 'Farah Nasser', talkedAbout: 'the conversation café she runs on Saturdays for refugee families' },
      james: { name: 'James Whitfield', talkedAbout: 'moving placement tests online' },
    },
  },
  summit: {
    company: 'Summit Electric',
    role: 'Journeyman Electrician',
    challenge: 'rewiring a 1920s school while it stays open',
    topics: 'knob-and-tube wiring; NEC 2023 changes; apprentice training',
    lookingFor: 'a lead who keeps crews safe',
    people: {
      frank: { name: 'Frank Dolan', talkedAbout: 'the arc-flash incident on the Dalton job' },
      jess: { name: 'Jess Moreno', talkedAbout: 'scheduling the work around the school calendar' },
    },
  },
  cooper: {
    company: 'Cooper Plumbing & Heating',
    role: 'Heating Engineer',
    challenge: 'heat pump installs in older terraced houses with small radiators',
    topics: 'radiator sizing, Gas Safe paperwork, customer callbacks',
    lookingFor: 'an engineer who explains things well to homeowners',
    people: {
      neil: { name: 'Neil Barker', talkedAbout: 'the van stock system that keeps running short of fittings' },
      sara: { name: 'Sara Quinn', talkedAbout: 'Sara books the jobs and handles the callbacks.' },
    },
  },
  ashby: {
    company: 'Ashby Capital',
    role: 'FP&A Analyst',
    challenge: 'The monthly close takes 12 working days.',
    topics: 'rolling forecast; NetSuite; the board pack',
    lookingFor: 'someone who can explain variances to non-finance managers',
    people: {
      karen: { name: 'Karen Wu', talkedAbout: 'FX exposure in the Brazil subsidiary' },
      raj: { name: 'Raj Mehta', talkedAbout: 'automating the headcount model' },
    },
  },
  fairway: {
    company: 'Fairway Credit Union',
    role: 'Commercial Loan Officer',
    challenge: 'small business loan approvals take three weeks',
    topics: 'underwriting checklists; member outreach; SBA 7(a) loans',
    lookingFor: 'a loan officer who knows agricultural lending',
    people: {
      dolores: { name: 'Dolores Price', talkedAbout: "the farmers' market lending program" },
      kwame: { name: 'Kwame Mensah', talkedAbout: 'a new credit scoring model for sole traders' },
    },
  },
} satisfies Record<string, Debrief>;

export type DebriefId = keyof typeof DEBRIEFS;

/** What the checks get for a note to one person of an interview. */
export function contextOf(id: DebriefId, person: string): CheckInput['context'] {
  const d: Debrief = DEBRIEFS[id];
  return { company: d.company, role: d.role, challenge: d.challenge, topics: d.topics, lookingFor: d.lookingFor, talkedAbout: d.people[person].talkedAbout };
}

export function nameOf(id: DebriefId, person: string): string {
  return (DEBRIEFS[id] as Debrief).people[person].name;
}
