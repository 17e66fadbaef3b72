export const onboardingStrings = {
  title: 'Welcome to Sunlog',
  step: (step: number, total: number) => `Step ${step} of ${total}`,
  next: 'Continue',
  back: 'Back',
  saving: 'Saving…',

  aboutHeading: 'What Sunlog does',
  aboutLead: 'Hello. Here is what to expect, in a minute or less.',
  does: [
    'Keeps a simple diary of the vitamin D you take, with one tap for today’s dose.',
    'Records your blood test results, and shows where they sit in published ranges, each with its source.',
    'Notes how you feel each day, and any flare-ups.',
    'Helps you share a clear record with your neurologist or MS nurse.',
  ],
  doesNotHeading: 'What Sunlog does not do',
  doesNot: [
    'It does not tell you what to take or how much. It never suggests a dose.',
    'It does not diagnose anything, and it does not replace your MS treatment.',
  ],
  // Our own wording of docs/medical-reference.md §6 "Disclaimers".
  doctorNote:
    'Please speak to your doctor or MS team before you start, stop or change any supplement or medicine.',

  consentHeading: 'Your agreement',
  consentLead:
    'Sunlog stores what you enter on this Sunlog server, only for you. You can export or delete all of it at any time.',
  consentCheckbox:
    'I understand that Sunlog records and informs, does not give medical advice, and that I will talk to my doctor before changing any supplement.',
  consentRequired: 'Please tick the box to continue. Sunlog cannot be used without it.',

  unitsHeading: 'Your name, units and time zone',
  unitsLead:
    'We filled in the time zone from your device. Change anything that is not right; you can change it later in Settings.',
  nameLabel: 'What should Sunlog call you?',
  nameHint: 'Your first name or a nickname. Today greets you with it, and reports you share show it.',
  nameInvalid: 'Enter a name of up to 80 characters.',

  planHeading: 'Your vitamin D supplement',
  planLead:
    'Add the supplement you take now, so Today can show it with a one-tap “Taken” button. You can skip this and add it later.',
  skip: 'Skip for now',
  finish: 'Save and go to Today',
  saved: 'All set. Opening Today…',
} as const;

export const regimenStrings = {
  productLabel: 'Product name',
  productHint: 'As it is written on the pack, for example “Sunvit D3 1000”.',
  productRequired: 'Enter the product name.',
  formLabel: 'Type of vitamin D',
  formHint: 'The pack says D3 (cholecalciferol) or D2 (ergocalciferol).',
  amountLabel: 'Amount in one dose',
  amountHint: 'The number on the pack, for example 1000 or 25.',
  amountInvalid: 'Enter the amount as a number above zero, such as 1000.',
  unitLabel: 'Unit on the pack',
  unitHint: 'Choose the unit printed beside the number: IU or µg (mcg).',
  unitRequired: 'Choose the unit printed on the pack: IU or µg.',
  scheduleLabel: 'How often you take it',
  daily: 'Every day',
  everyNDays: 'Every few days',
  weekly: 'On certain weekdays',
  everyDaysLabel: 'Every how many days?',
  everyDaysHint: 'Counted from the start date. For example 2 means every other day.',
  everyDaysInvalid: 'Enter a whole number from 2 to 60.',
  weekdaysLabel: 'Which days?',
  weekdaysInvalid: 'Choose at least one day.',
  startLabel: 'First day',
  startInvalid: 'Enter the date you started, or today.',
  reminderLabel: 'Remind me at',
  reminderHint: 'A daily reminder at this time, in your time zone. Leave it empty for no reminder.',
  cautionsHeading: 'Good to know',
  cautionSource: (name: string) => `Source: ${name}.`,
} as const;

/** ISO weekday (Monday 1 … Sunday 7) names. */
export const WEEKDAYS: readonly { day: 1 | 2 | 3 | 4 | 5 | 6 | 7; name: string }[] = [
  { day: 1, name: 'Monday' },
  { day: 2, name: 'Tuesday' },
  { day: 3, name: 'Wednesday' },
  { day: 4, name: 'Thursday' },
  { day: 5, name: 'Friday' },
  { day: 6, name: 'Saturday' },
  { day: 7, name: 'Sunday' },
];
