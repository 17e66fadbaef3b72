/** Every sentence of the personal blood target section in Settings. */
export const bloodTargetStrings = {
  heading: 'Your blood level target',
  // docs/medical-reference.md §2.2: no MS guideline sets a target; Sunlog never suggests one.
  lead: 'If you and your doctor agreed a range for your 25-hydroxyvitamin D level, enter it here. Today, History and the check-in then show your results against it. No MS guideline sets a target, so Sunlog never suggests one.',
  none: 'You have not set a target.',
  current: (range: string) => `Your target: ${range}.`,
  lowLabel: 'Lowest level',
  highLabel: 'Highest level',
  boundHint: 'Leave it empty if your doctor gave only one end.',
  unitLabel: 'Unit',
  unitHint: 'The unit your doctor used.',
  both: (range: string) => `That is ${range}.`,
  save: 'Save target',
  saving: 'Saving…',
  saved: 'Your target is saved.',
  clear: 'Remove target',
  cleared: 'Your target is removed.',
  notANumber: 'Enter a number above zero, such as 30 or 75.',
  tooHigh: 'Enter a number up to 1000.',
  needOne: 'Enter at least the lowest or the highest level.',
  highBelowLow: 'The highest level cannot be below the lowest.',
} as const;
