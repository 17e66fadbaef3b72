export const todayStrings = {
  title: 'Today',
  greeting: (name: string) => `Hello, ${name}.`,
  aboutHeading: 'What Sunlog is for',
  about:
    'Sunlog is your vitamin D and symptom journal. It keeps track of the vitamin D you take, your blood test results and how you feel, so you can spot your own patterns and bring a clear record to your neurologist or MS nurse.',
  nextHeading: 'Coming soon to this page',
  next: [
    'Mark today’s dose as taken with one tap.',
    'A quick check of how you feel, in under 15 seconds.',
    'Reminders at the local times you choose.',
  ],
  settingsPrompt: 'First, check that your units and time zone are right for you.',
  settingsAction: 'Check your settings',
  // Our own wording of the short disclaimer in domain-reference §6 ("Disclaimers").
  disclaimerHeading: 'Please keep in mind',
  disclaimer:
    'Sunlog keeps a record of your own information and helps you share it. It does not give medical advice, make a diagnosis or suggest doses. Before you start, stop or change any supplement or medicine, talk to your doctor or MS team.',
} as const;
