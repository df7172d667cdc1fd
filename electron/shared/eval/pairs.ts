// Labelled pairs for the distinct check: two notes for the same interview, to two people. "alike" means
// a reader would see one note recycled for the other. Written by hand against debriefs.ts, per interview:
//   reworded — the same note with its paragraphs reordered, light rewording and the name swapped (alike);
//   frame    — one long template frame around a different one-sentence middle (alike);
//   frame-long — the same frame around each person's own paragraph: the frame is over half the note (alike);
//   own      — two genuinely different notes that share a greeting, a stock opening and a closing (not alike);
//   apart    — the first note of "reworded" against the second of "own": same interview, different notes (not alike).
import type { DebriefId } from './debriefs';

export type Pair = { id: string; d: DebriefId; label: 'alike' | 'distinct'; kind: 'reworded' | 'frame' | 'frame-long' | 'own' | 'apart'; a: { p: string; body: string }; b: { p: string; body: string } };

type Set4 = {
  d: DebriefId;
  p: [string, string];
  first: [string, string];
  /** The same note, reworded and reordered, to the second person: [paragraphs…]. */
  reworded: string[];
  original: string[];
  frame: [string, string];
  middles: [string, string];
  own: [string, string];
  ownOpening: string;
  sign: string;
  apart?: boolean;
};

const note = (first: string, paras: string[], sign: string) => `Dear ${first},\n\n${paras.join('\n\n')}\n\nBest regards,\n${sign}`;

const SETS: Set4[] = [
  {
    d: 'kestrel', p: ['tomas', 'grace'], first: ['Tomás', 'Grace'], sign: 'Sam Okafor', apart: true,
    original: [
      'Thank you for the frank account of the refund double-posting last March. Tracing it to a retried Kafka message without an idempotency key is the kind of root cause I enjoy chasing down.',
      'On the nightly reconciliation, I would split the six-hour job by account range and reconcile each range as soon as its settlement file lands, so a slow bank never holds up the rest.',
      'I also led a 3 TB Postgres migration at Flowpay with logical replication and a week of dual writes, and I would be glad to walk you through the runbook.',
    ],
    reworded: [
      'I also ran a 3 TB Postgres migration at Flowpay using logical replication and a week of dual writes, and I would be happy to walk you through the runbook.',
      'Thank you for the honest account of the refund double-posting in March. Tracing it back to a retried Kafka message with no idempotency key is the kind of root cause I like chasing down.',
      'For the nightly reconciliation, I would split the six-hour job by account range and reconcile each range as soon as its settlement file arrives, so one slow bank never holds up the rest.',
    ],
    frame: [
      'Thank you for talking with me about the Staff Backend Engineer role and the state of the ledger platform.',
      'Over the last six years I have built payment systems that move money reliably at scale, from card authorisation to settlement files and chargebacks, and I would bring that experience to your ledger team from the first week. I am especially keen on making reconciliation boring again: small jobs, clear ownership, alerts that mean something.',
    ],
    middles: ['I especially appreciated your story about the refunds that were posted twice.', 'I especially appreciated hearing how you mentor new engineers through on-call.'],
    ownOpening: 'Thank you for meeting with me on Tuesday.',
    own: [
      'Your story about the refunds posted twice last March stayed with me. Putting an idempotency key on every ledger write, and rejecting duplicates at the database rather than in the consumer, is where I would start; it is cheap and it makes retries safe. I would also add a replay test to CI that sends every message twice.',
      'I liked how you described pairing juniors with a senior for their first three on-call weeks. I had that at my first job and it is why I still enjoy incidents. I would volunteer as a shadow partner, and I keep a short runbook template that makes the first page less frightening.',
    ],
  },
  {
    d: 'lumio', p: ['ana', 'ben'], first: ['Ana', 'Ben'], sign: 'Priya Nair',
    original: [
      'Thank you for showing me the VoiceOver audit of checkout. Watching the rotor skip the pay button made the problem concrete in a way a report never does.',
      'I would love to help with cold launch on older iPhones too: deferring the analytics setup and the font loading got our launch from 3.8 to 1.9 seconds last year.',
      'Accessibility has been part of my definition of done for years, and I would bring a checklist for every new screen.',
    ],
    reworded: [
      'Accessibility has been in my definition of done for years, and I would bring a checklist to every new screen.',
      'I would also love to help with cold launch on older iPhones: deferring analytics setup and font loading took our launch from 3.8 to 1.9 seconds last year.',
      'Thanks for showing me the VoiceOver audit of checkout. Seeing the rotor skip the pay button made the problem concrete in a way no report does.',
    ],
    frame: [
      'Thank you for our conversation about the iOS Engineer role and the Lumio app.',
      'I have shipped SwiftUI apps used by millions of people and care about launch time, crash-free sessions and offline sync as much as new features. I would bring that care to the app from my first week, starting with a profile of the cold launch on the oldest supported devices and a short plan to bring it down.',
    ],
    middles: ['Your VoiceOver audit of checkout was eye-opening.', 'Your plan to move the build to Bazel sounds overdue.'],
    ownOpening: 'Thank you for your time on Thursday.',
    own: [
      'Seeing a screen reader user stall on the pay button in your audit stayed with me. I would label every control in checkout, group the price and the button so they are read together, and add an accessibility snapshot test so it stays fixed.',
      'Forty-minute CI runs drain a team. When we moved to Bazel, remote caching did most of the work: builds fell to twelve minutes within a month. I would start by caching the dependency graph and splitting the test targets by feature.',
    ],
  },
  {
    d: 'riverside', p: ['marsh', 'vega'], first: ['Dr. Marsh', 'Carlos'], sign: 'Maria Santos', apart: true,
    original: [
      'Thank you for explaining how the rapid response team works with early warning scores. I have seen scoring catch deteriorating patients hours before anyone felt uneasy.',
      'On night shift turnover, what kept new nurses on my last unit was a named preceptor for their first six months of nights and a protected debrief after every hard shift.',
      'Precepting new graduates is the part of charge nursing I enjoy most, and I would be glad to take it on from the start.',
    ],
    reworded: [
      'Precepting new graduates is the part of charge nursing I enjoy most, and I would gladly take it on from the start.',
      'About night shift turnover: what kept new nurses on my last unit was a named preceptor for their first six months of nights and a protected debrief after each hard shift.',
      'Thank you for explaining how the rapid response team uses early warning scores. I have seen scoring catch deteriorating patients hours before anyone felt uneasy.',
    ],
    frame: [
      'Thank you for meeting with me about the ICU Charge Nurse position.',
      'I have worked twelve years in critical care, the last five as a charge nurse on a 20-bed mixed ICU, and I know how much a steady night team matters to patients and families. I would bring calm leadership, sepsis bundle audits and a habit of teaching at the bedside to every shift I run.',
    ],
    middles: ['I was glad to hear about the rapid response team.', 'The self-scheduling pilot on 5 North sounds promising.'],
    ownOpening: 'Thank you for meeting with me yesterday.',
    own: [
      'Your point that early warning scores only help if someone acts on them stuck with me. On my unit we paired the score with a two-nurse check at any rise of three points, and rapid response calls doubled while arrests fell.',
      'Letting nurses choose their own nights on 5 North is the best retention idea I have heard this year. When we tried self-rostering, sick calls dropped and two new graduates told me it was why they stayed past their first year.',
    ],
  },
  {
    d: 'maple', p: ['priti', 'owen'], first: ['Priti', 'Owen'], sign: 'Joan Baptiste',
    original: [
      'Thank you for the tour and for showing me the sensory garden. Seeing residents with dementia calm among the herbs was the best part of my day.',
      'I have been thinking about falls at night. In my current home, a later medication round and low lighting in the corridors cut night falls by a third.',
      'I would also be glad to help prepare for the CQC inspection in spring; I led our last one to a Good rating.',
    ],
    reworded: [
      'I would also be glad to help you prepare for the CQC inspection this spring; I led our last one to a Good rating.',
      'Thanks for the tour, and for showing me the sensory garden. Seeing residents with dementia so calm among the herbs was the best part of the day.',
      'I keep thinking about falls at night. In my current home, a later medication round and low corridor lighting cut night falls by a third.',
    ],
    frame: [
      'Thank you for welcoming me to Maple Grove Care Home.',
      'I have been a nurse in residential dementia care for nine years and I lead by working alongside carers on the floor, especially on nights. I would bring patient, practical training, tidy medication records and a steady hand with families when things go wrong.',
    ],
    middles: ['The sensory garden is a lovely project.', 'Moving to eMAR will make a real difference.'],
    ownOpening: 'Thank you for seeing me on Monday.',
    own: [
      'Your garden made me think about evenings, when residents grow restless. A short guided walk among the raised beds before supper might settle people before night and reduce wandering, and I would love to try it with you.',
      'Switching to eMAR is a big change for night carers who know the paper charts by heart. When I led that change, we trained in pairs on the real trolley and kept paper as a fallback for two weeks; errors fell and nobody felt rushed.',
    ],
  },
  {
    d: 'hollis', p: ['denise', 'omar'], first: ['Denise', 'Omar'], sign: 'Leo Brandt', apart: true,
    original: [
      'Thank you for being frank about shrink at Eastgate. Double the regional average usually means the back door and the self-checkout, not shoplifters.',
      'Your plan to cross-train cashiers on stockroom work is a good one: more hours for part-timers and more eyes where losses happen.',
      'For Black Friday, I would build the rota a month ahead with part-timers choosing their shifts first.',
    ],
    reworded: [
      'For Black Friday, I would build the rota a month ahead, letting part-timers choose their shifts first.',
      'Thanks for being so frank about shrink at Eastgate. Double the regional average usually points to the back door and the self-checkout, not shoplifters.',
      'The plan to cross-train cashiers on stockroom work is a good one: more hours for part-timers and more eyes where the losses happen.',
    ],
    frame: [
      'Thank you for meeting me about the Store Manager role at Hollis & Pike.',
      'I have run stores with sixty staff, most of them part-time, and I believe the best way to cut losses and lift sales is a well-coached team on the floor. I would bring weekly coaching, clear rotas and tidy, inviting displays to Eastgate from my first month.',
    ],
    middles: ['I liked your idea of cross-training cashiers.', 'The busy click-and-collect counter is a good problem to have.'],
    ownOpening: 'Thank you for the interview on Friday.',
    own: [
      'Cross-training cashiers on the stockroom is the idea I keep coming back to. At my current store we rotated four cashiers through deliveries each week; damaged-goods write-offs fell and the till queues did not suffer.',
      'Your click-and-collect counter running out of space is a sign that customers love it. We moved collections to numbered shelves behind the tills and sent a text with the shelf number, and waiting times halved.',
    ],
  },
  {
    d: 'verde', p: ['lucy', 'dev'], first: ['Lucy', 'Dev'], sign: 'Nadia Rahman',
    original: [
      'Thank you for telling me about the community fridge with the food bank. It is a kind idea and it also keeps good produce out of the bin.',
      'On waste above 9%, earlier markdowns from 4pm and smaller, more frequent supplier deliveries brought my last store under 5%.',
      'I am an early riser, and a 5am start to meet the deliveries suits me.',
    ],
    reworded: [
      'I am an early riser, so a 5am start to meet deliveries suits me well.',
      'About waste above 9%: earlier markdowns from 4pm and smaller, more frequent supplier deliveries got my last store under 5%.',
      'Thanks for telling me about the community fridge with the food bank. It is a kind idea, and it keeps good produce out of the bin.',
    ],
    frame: [
      'Thank you for our conversation about the Assistant Store Manager role.',
      'I have managed fresh departments in three grocery stores and I know waste is won or lost in the first hour of the morning and the last hour of the day. I would bring tight markdown routines, accurate orders and a cheerful early start to the Verde team.',
    ],
    middles: ['The community fridge is a lovely partnership.', 'Better weekend scheduling software would help a lot.'],
    ownOpening: 'Thank you for meeting with me this morning.',
    own: [
      'The community fridge stayed with me on the way home. I would be glad to run the evening drop-off, and a simple log of what goes to the fridge would show the waste we avoid each week.',
      'Weekend rotas are hard when half the team are students. The scheduling tool I used let staff swap shifts from their phones with a manager approving, and no-shows nearly disappeared.',
    ],
  },
  {
    d: 'brookfield', p: ['pierce', 'rosa'], first: ['Mr. Pierce', 'Rosa'], sign: 'Emily Carver', apart: true,
    original: [
      'Thank you for explaining the new block schedule. Eighty-minute periods would let students finish a lab and write it up in one sitting.',
      'Many of my students also read science texts below grade level, so I pair every reading with a diagram and a short vocabulary warm-up.',
      'I would love to help with the robotics club; I coached a team for two seasons.',
    ],
    reworded: [
      'I would love to help with the robotics club, too; I coached a team for two seasons.',
      'Thanks for explaining the new block schedule. Eighty-minute periods would let students finish a lab and write it up in a single sitting.',
      'Many of my students read science texts below grade level as well, so I pair each reading with a diagram and a short vocabulary warm-up.',
    ],
    frame: [
      'Thank you for meeting with me about the 7th Grade Science Teacher position.',
      'I have taught middle school science for seven years with project-based units, standards-based grading and a lot of hands-on labs, and I co-teach every day with our special education staff. I would bring that experience, and a love of messy experiments, to Brookfield students.',
    ],
    middles: ['The new block schedule sounds like a great change.', 'The Cedar Creek field trip sounds wonderful.'],
    ownOpening: 'Thank you for your time this afternoon.',
    own: [
      'Longer periods next fall are what I would most look forward to. With an eighty-minute block I can run a full investigation, let students argue from evidence, and still leave ten minutes for a written reflection.',
      'Taking seventh graders to the Cedar Creek wetlands is the kind of trip students remember for years. I would love to build water-testing stations so each group measures pH and turbidity and compares results back in class.',
    ],
  },
  {
    d: 'northgate', p: ['farah', 'james'], first: ['Farah', 'James'], sign: 'Tom Reilly',
    original: [
      'Thank you for telling me about the conversation café you run on Saturdays. It is exactly what keeps adult learners coming back.',
      'You mentioned students drop out after week three. In my experience childcare is often the reason, and a crèche during evening classes made the difference for our parents.',
      'I have taught refugees for six years in Leeds and Bradford.',
    ],
    reworded: [
      'I have taught refugees for six years, in Leeds and in Bradford.',
      'You mentioned students dropping out after week three. In my experience childcare is often why, and a crèche during evening classes made the difference for our parents.',
      'Thanks for telling me about the conversation café you run on Saturdays. It is just what keeps adult learners coming back.',
    ],
    frame: [
      'Thank you for the interview for the ESL Instructor role.',
      'I have taught English to adult learners for six years, many of them refugees rebuilding their lives, and I know how fragile attendance is when work and family pull people away. I would bring warm, practical lessons and steady contact with every learner who misses a class.',
    ],
    middles: ['The Saturday conversation café is inspiring.', 'Moving placement tests online makes a lot of sense.'],
    ownOpening: 'Thank you for meeting me on Wednesday.',
    own: [
      'Your Saturday café for refugee families is a wonderful idea. I ran something similar with a library in Leeds; pairing each family with a volunteer for the term kept people coming, and I would gladly help on Saturdays.',
      'Online placement tests could save the whole first evening of term. I have written adaptive placement tests with a short speaking task recorded on a phone, and I would be glad to help pilot them.',
    ],
  },
  {
    d: 'summit', p: ['frank', 'jess'], first: ['Frank', 'Jess'], sign: 'Mike Duffy', apart: true,
    original: [
      'Thanks for being straight with me about the arc-flash incident on the Dalton job. I run lockout-tagout on every panel and I make apprentices do it with me until it is habit.',
      'Rewiring a 1920s school while it stays open is a puzzle I have solved before: classrooms over summer, corridors on weekends.',
      'Knob-and-tube always hides surprises, so I would survey every floor before we commit to a schedule.',
    ],
    reworded: [
      'Knob-and-tube always hides surprises, so I would want to survey every floor before we commit to a schedule.',
      'Thanks for being straight about the arc-flash incident on the Dalton job. I run lockout-tagout on every panel and I have apprentices do it with me until it becomes habit.',
      'Rewiring a 1920s school that stays open is a puzzle I have solved before: classrooms in summer, corridors on weekends.',
    ],
    frame: [
      'Thank you for the interview for the Journeyman Electrician position.',
      'I have fifteen years in commercial and institutional work, mostly old buildings, and I have trained a dozen apprentices. I keep my crews safe, my paperwork clean and my inspectors happy, and I would bring the same habits to Summit Electric.',
    ],
    middles: ['I appreciated hearing about the Dalton job.', 'Working around the school calendar will be the hard part.'],
    ownOpening: 'Thanks for meeting me at the yard.',
    own: [
      'What you said about the Dalton arc flash stuck with me. On my crews nobody opens a live panel, full stop; we test before touch, and I walk new apprentices through every step of lockout-tagout on their first day.',
      'Fitting the work around the school calendar is the real job here. At Lincoln Elementary we did classrooms during summer break and corridors on weekends, with the principal signing off each week, and the school never closed a day.',
    ],
  },
  {
    d: 'cooper', p: ['neil', 'sara'], first: ['Neil', 'Sara'], sign: 'Gareth Evans',
    original: [
      'Thanks for explaining the van stock system. Running short of fittings costs a trip to the merchant, and a min-max list per van fixed that for us.',
      'Heat pumps in older terraces are my favourite jobs: I size every radiator room by room and usually upsize two or three.',
      'I always leave homeowners a one-page guide to their new system, which cuts callbacks.',
    ],
    reworded: [
      'I always leave homeowners a one-page guide to their new system, and it cuts callbacks.',
      'Thanks for explaining the van stock system. Running short of fittings means a trip to the merchant, and a min-max list per van sorted that for us.',
      'Heat pumps in older terraces are my favourite jobs: I size each radiator room by room and usually upsize two or three.',
    ],
    frame: [
      'Thank you for the interview for the Heating Engineer role.',
      'I have installed heating systems for eleven years, the last four mostly air source heat pumps in older houses, and I take time to explain to homeowners how to run them. I would bring careful sizing, tidy work and complete paperwork to every Cooper job.',
    ],
    middles: ['The van stock system sounds frustrating.', 'It was good to hear how you handle callbacks.'],
    ownOpening: 'Thanks for seeing me on Tuesday.',
    own: [
      'The van stock problem is one I know well. We gave each van a laminated min-max list and a photo of the shelves, restocked every Friday, and trips to the merchant dropped to about one a week.',
      'Most callbacks I have seen come from people not knowing a heat pump should run low and steady. I leave a one-page guide on the boiler cupboard door and ring each customer after the first cold week.',
    ],
  },
  {
    d: 'ashby', p: ['karen', 'raj'], first: ['Karen', 'Raj'], sign: 'Daniel Osei', apart: true,
    original: [
      'Thank you for walking me through the FX exposure in the Brazil subsidiary. Hedging against forecast receivables, not booked ones, worked well for me at Orbis.',
      'On the 12-day close, moving accruals and intercompany reconciliations into the last week of the month took our close from 10 days to 5.',
      'I enjoy explaining variances to managers outside finance, usually with one chart and three sentences.',
    ],
    reworded: [
      'I enjoy explaining variances to managers outside finance, usually with one chart and three sentences.',
      'Thank you for walking me through the FX exposure in the Brazil subsidiary. Hedging forecast receivables rather than booked ones worked well for me at Orbis.',
      'On the 12-day close, moving the accruals and intercompany reconciliations into the last week of the month took our close from 10 days down to 5.',
    ],
    frame: [
      'Thank you for meeting with me about the FP&A Analyst position at Ashby Capital.',
      'I have spent five years in FP&A building rolling forecasts and board packs in NetSuite and Excel, and I enjoy turning a variance into a story a budget holder can act on. I would bring clean models, a faster close and clear commentary to your team.',
    ],
    middles: ['The Brazil FX exposure was a fascinating example.', 'Automating the headcount model is a great project.'],
    ownOpening: 'Thank you for your time on Monday.',
    own: [
      'Your Brazil example has stayed with me. I would start by splitting the exposure into committed and forecast flows and hedging a rolling share of the forecast, reviewed monthly with treasury, so the P&L stops swinging with the real.',
      'The hand-maintained headcount model sounds painful. I rebuilt one from HR exports with saved searches and a small Python script; it now refreshes overnight and freed two days a month for actual analysis.',
    ],
  },
  {
    d: 'fairway', p: ['dolores', 'kwame'], first: ['Dolores', 'Kwame'], sign: 'Aisha Bello',
    original: [
      "Thank you for telling me about the farmers' market lending program. It is the kind of work that drew me to credit unions.",
      'On approvals taking three weeks, a single underwriting checklist and a 48-hour first response brought ours down to eight days.',
      'I have underwritten seasonal agricultural loans for six years.',
    ],
    reworded: [
      'I have underwritten seasonal agricultural loans for six years.',
      "Thanks for telling me about the farmers' market lending program. It is the kind of work that drew me to credit unions in the first place.",
      'On approvals taking three weeks: one underwriting checklist and a 48-hour first response brought ours down to eight days.',
    ],
    frame: [
      'Thank you for the interview for the Commercial Loan Officer role.',
      'I have spent eight years lending to small businesses and farms, and I believe a member should get a clear answer quickly, even when it is no. I would bring fast, careful underwriting and regular outreach to the local business community.',
    ],
    middles: ["The farmers' market program is inspiring.", 'A new scoring model for sole traders is overdue.'],
    ownOpening: 'Thank you for meeting me on Thursday.',
    own: [
      "The farmers' market lending program is close to my heart; I grew up on a dairy farm. I would love to add a seasonal repayment option so growers repay after harvest, which cut arrears sharply where I work now.",
      'Scoring sole traders on tax returns misses how lumpy their income is. I have used twelve months of bank statements and a simple cash-flow score instead, which cut decisions from weeks to days without raising defaults.',
    ],
  },
];

function pairsOf(s: Set4): Pair[] {
  const [p1, p2] = s.p;
  const [f1, f2] = s.first;
  const out: Pair[] = [
    { id: `${s.d}-reworded`, d: s.d, label: 'alike', kind: 'reworded', a: { p: p1, body: note(f1, s.original, s.sign) }, b: { p: p2, body: note(f2, s.reworded, s.sign) } },
    {
      id: `${s.d}-frame`, d: s.d, label: 'alike', kind: 'frame',
      a: { p: p1, body: note(f1, [`${s.frame[0]} ${s.middles[0]}`, s.frame[1]], s.sign) },
      b: { p: p2, body: note(f2, [`${s.frame[0]} ${s.middles[1]}`, s.frame[1]], s.sign) },
    },
    {
      id: `${s.d}-frame-long`, d: s.d, label: 'alike', kind: 'frame-long',
      a: { p: p1, body: note(f1, [`${s.frame[0]} ${s.middles[0]}`, s.own[0], s.frame[1], 'I hope we get to work together.'], s.sign) },
      b: { p: p2, body: note(f2, [`${s.frame[0]} ${s.middles[1]}`, s.own[1], s.frame[1], 'I hope we get to work together.'], s.sign) },
    },
    {
      id: `${s.d}-own`, d: s.d, label: 'distinct', kind: 'own',
      a: { p: p1, body: note(f1, [s.ownOpening, s.own[0], 'I hope we get to work together.'], s.sign) },
      b: { p: p2, body: note(f2, [s.ownOpening, s.own[1], 'I hope we get to work together.'], s.sign) },
    },
  ];
  if (s.apart) out.push({ id: `${s.d}-apart`, d: s.d, label: 'distinct', kind: 'apart', a: { p: p1, body: note(f1, s.original, s.sign) }, b: { p: p2, body: note(f2, [s.ownOpening, s.own[1]], s.sign) } });
  return out;
}

export const PAIRS: Pair[] = SETS.flatMap(pairsOf);
