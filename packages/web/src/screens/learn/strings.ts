import { DISCLAIMERS } from '@sunlog/core/insights/wording';

/**
 * Every sentence on the Learn page. Facts come only from docs/medical-reference.md (section noted
 * beside each part); the wording is Sunlog's own. Nothing here recommends a dose.
 */

export interface LearnTable {
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly string[])[];
}

export interface LearnSection {
  id: string;
  heading: string;
  paragraphs: readonly string[];
  /** Short points, shown as a list after the paragraphs. */
  points?: readonly string[];
  pointsHeading?: string;
  table?: LearnTable;
  after?: readonly string[];
  sources: readonly string[];
}

export const learnStrings = {
  title: 'Learn',
  heading: 'Vitamin D and MS: what is known',
  lead: 'What research says about vitamin D in multiple sclerosis, how sure anyone can be, what to expect and when, and how to stay safe. In plain words, with the sources named.',
  confidence: 'Research on vitamin D in MS is mixed; confidence is moderate at best.',
  contentsLabel: 'On this page',
  sourcesHeading: 'Sources',
  disclaimerHeading: 'Please keep in mind',
  // docs/medical-reference.md §6, Disclaimers, in Sunlog's words (one copy, in core).
  disclaimer: DISCLAIMERS.general,
  patternsDisclaimer: DISCLAIMERS.patterns,
  flareDisclaimer: DISCLAIMERS.flares,
};

export const LEARN_SECTIONS: readonly LearnSection[] = [
  {
    // docs/medical-reference.md §3 (Established) (mechanism, deficiency).
    id: 'what-it-does',
    heading: 'What vitamin D is thought to do in MS',
    paragraphs: [
      'In MS, the immune system attacks the protective coating around nerves. Researchers think vitamin D may nudge the immune system away from signals that fuel inflammation and towards calmer, anti-inflammatory ones.',
      'Low vitamin D is common in people with MS. Lower blood levels go together with a higher chance of getting MS and with more disease activity. That link is well established. Whether taking vitamin D changes the course of MS is a separate question, and the trials below are where the answer is being looked for.',
      'If your level is low, it is worth correcting it with your clinician. Vitamin D adds to MS treatment; it never replaces it.',
    ],
    sources: [
      'Lay summary of a research letter on vitamin D and immune signalling in MS (the summary Sunlog grew from).',
      'Sunlog domain reference, section 3: summary of the trials and reviews listed below.',
    ],
  },
  {
    // docs/medical-reference.md §3 table and its Established / Suggestive / Not established lists.
    id: 'trials',
    heading: 'What the trials found',
    paragraphs: [
      'Several randomised trials have given people with MS, or people at high risk of it, high doses of vitamin D and compared them with a placebo or a low dose. Most people in them also took standard MS treatment, and doses were given under medical supervision.',
      'The clearest signal is on MRI scans: in some trials, fewer new areas of inflammation showed up, most clearly in early disease. The largest recent trial, D-Lay MS (2025), gave people with a first MS-like episode 100,000 IU every two weeks, and fewer of them showed new disease activity over two years. But in the same trial, relapses on their own, disability, fatigue and quality of life were no different.',
    ],
    table: {
      caption: 'The main trials, in brief',
      columns: ['Trial', 'Who took part', 'What was found'],
      rows: [
        [
          'SOLAR (Neurology, 2019)',
          '229 people with relapsing MS on interferon beta-1a; 14,007 IU a day or placebo for 48 weeks',
          'No difference in the main combined measure. Fewer active MRI lesions with vitamin D. The relapse difference was not significant.',
        ],
        [
          'CHOLINE (Neurol Neuroimmunol Neuroinflamm, 2019)',
          '181 people with relapsing MS on interferon beta-1a and low vitamin D; 100,000 IU every two weeks or placebo for 96 weeks',
          'Did not meet its main goal (relapse rate). Among the 90 who completed it, results leaned towards vitamin D.',
        ],
        [
          'VIDAMS (eClinicalMedicine, 2023)',
          '172 people with relapsing MS on glatiramer; 5,000 or 600 IU a day for 96 weeks',
          'Relapses about the same (34% and 32%). No benefit shown.',
        ],
        [
          'PrevANZ (Brain, 2024)',
          '204 people after a first MS-like episode; placebo or 1,000, 5,000 or 10,000 IU a day for 48 weeks',
          'No fewer people went on to be diagnosed with MS.',
        ],
        [
          'D-Lay MS (JAMA, 2025)',
          '316 untreated people soon after a first MS-like episode; 100,000 IU every two weeks or placebo for 2 years',
          'Fewer people showed disease activity (60% against 74%), and every MRI measure was better. Relapses alone, disability, fatigue and quality of life were no different. No moderate or severe rise in calcium.',
        ],
        [
          'EVIDIMS (2020)',
          '53 people on interferon beta-1b; high or low dose for 18 months',
          'No differences. A small pilot study.',
        ],
        [
          'Review of 9 trials (Hanaei and colleagues, 2021)',
          'Vitamin D against placebo',
          'No clear effect on relapses or disability.',
        ],
      ],
    },
    pointsHeading: 'How sure can we be?',
    points: [
      'Well established: low vitamin D goes with higher MS risk and activity, and a deficiency is worth correcting with a clinician. High doses were well tolerated when monitored.',
      'Suggestive, moderate confidence: high-dose vitamin D may reduce inflammation seen on MRI, most clearly early in the disease.',
      'Not shown: fewer relapses or less disability in established MS, less fatigue or a better quality of life, the best blood level or dose, or extra benefit on top of modern MS medicines.',
      'One person’s records cannot settle these questions. Sunlog’s patterns show what moved together in your log, not what caused what.',
    ],
    sources: [
      'SOLAR: Neurology 2019 (PubMed 31594857); ECTRIMS 2016 conference report.',
      'CHOLINE: Neurology: Neuroimmunology & Neuroinflammation 2019; 6(5): e597.',
      'VIDAMS: eClinicalMedicine 2023.',
      'PrevANZ: Brain 2024 (PubMed 38085047).',
      'D-Lay MS: JAMA 2025 (PMC11894546).',
      'EVIDIMS: 2020 pilot trial (PMC6984434).',
      'Hanaei and colleagues, 2021: meta-analysis of 9 randomised trials (PMC8223916).',
    ],
  },
  {
    // docs/medical-reference.md §2.5 (Jones 2014 half-life; 4–5 half-lives; re-test 8–12 weeks; Ekwaru 2014) and §3.
    id: 'when',
    heading: 'What to expect, and when',
    paragraphs: [
      'Vitamin D works slowly. It helps to know the rough timescales, so that a month without change does not feel like failure, and so that a blood test is timed to show something useful.',
    ],
    table: {
      caption: 'Rough timescales after starting or changing vitamin D',
      columns: ['What', 'When', 'How sure'],
      rows: [
        [
          'Immune markers in the blood',
          'May shift within weeks',
          'Suggested by research; not something you can feel or test at home',
        ],
        ['Symptoms', 'If they change at all, over months', 'Not shown in trials'],
        [
          'Your blood level of vitamin D (25-hydroxyvitamin D)',
          'Settles after about 2 to 3 months',
          'Well measured: the level halves in about two weeks, and takes four to five of those spans to settle',
        ],
      ],
    },
    after: [
      'A blood test taken about 8 to 12 weeks after a change shows where your level has settled; one taken sooner may catch it still moving. The same dose raises levels by different amounts in different people: less in people with a higher body weight, and less at higher doses. The lab result always counts over any estimate.',
    ],
    sources: [
      'Jones and colleagues, 2014: half-life of 25-hydroxyvitamin D (about 15 days).',
      'Ekwaru and colleagues, 2014 (PLoS One; 17,614 adults): how blood levels rise with dose.',
      'Lay summary of a research letter on vitamin D in MS (markers within weeks, symptoms over months).',
    ],
  },
  {
    // docs/medical-reference.md §2.4 (IOM 2011 UL [V]; EFSA 2023) and §6 (signs, interactions, clinician first).
    id: 'safety',
    heading: 'Staying safe',
    paragraphs: [
      'For healthy adults taking vitamin D without medical supervision, the Institute of Medicine set an upper limit of 4,000 IU (100 µg) a day in 2011. The European Food Safety Authority kept the same limit for adults in 2023. This limit is a ceiling for unsupervised use, not a target.',
      'Doctors may prescribe more than this, and the MS trials above used 5,000 to 14,000 IU a day, or 100,000 IU every two weeks, with regular checks. If your dose is above the upper limit, Sunlog shows a gentle note; it never stops you logging.',
      'The upper limit does not apply to people with sarcoidosis or other granulomatous diseases, or with an overactive parathyroid gland. Their doctors set their limits.',
    ],
    pointsHeading: 'Signs of too much vitamin D (high calcium)',
    points: [
      'Feeling sick or being sick, a poor appetite, constipation or stomach pain',
      'Being very thirsty and passing a lot of urine',
      'Tiredness, weakness, confusion or drowsiness',
      'Bone pain or kidney stones',
      'In severe cases, an irregular heartbeat',
    ],
    after: [
      'These have many causes. If you have them while taking vitamin D, stop and contact your doctor promptly.',
    ],
    table: {
      caption: 'Medicines that interact with vitamin D',
      columns: ['Medicine', 'What can happen'],
      rows: [
        [
          'Thiazide diuretics (water tablets)',
          'Less calcium leaves in the urine, so calcium in the blood can rise.',
        ],
        ['Digoxin and similar heart medicines', 'High calcium raises the risk of heart rhythm problems.'],
        [
          'Steroid tablets or drips, including IV methylprednisolone for relapses',
          'Less calcium is absorbed and vitamin D works less well.',
        ],
        [
          'Phenytoin, phenobarbital or primidone, rifampicin',
          'Vitamin D is broken down faster, so levels run lower.',
        ],
        [
          'Orlistat, cholestyramine or colestipol, paraffin oil',
          'Less vitamin D is absorbed. Take them at different times of day.',
        ],
        [
          'Other vitamin D products, calcifediol, calcitriol, calcium supplements',
          'The amounts add up. Count them together.',
        ],
      ],
    },
    sources: [
      'Institute of Medicine (now National Academy of Medicine). Dietary Reference Intakes for Calcium and Vitamin D, 2011.',
      'European Food Safety Authority, scientific opinion on the upper intake level for vitamin D, 2023.',
      'Colecalciferol product information (UK summary of product characteristics; Swiss prescribing information).',
      'Summaries based on the US Office of Dietary Supplements; Mayo Clinic, hypercalcaemia.',
    ],
  },
  {
    // docs/medical-reference.md §6, "Clinician first for".
    id: 'talk-first',
    heading: 'Who should talk to a clinician first',
    paragraphs: [
      'Everyone should talk to their doctor or MS team before starting, stopping or changing vitamin D. It matters even more if any of these apply to you:',
    ],
    points: [
      'Sarcoidosis or another granulomatous disease',
      'Kidney disease, or kidney stones now or in the past',
      'An overactive parathyroid gland (hyperparathyroidism)',
      'A high calcium level found in a blood test',
      'Taking any of the medicines in the table above',
    ],
    sources: [
      'Colecalciferol product information (UK summary of product characteristics; Swiss prescribing information).',
      'Institute of Medicine, 2011 (who the upper limit does not cover).',
    ],
  },
];
