/** Every sentence of changing the dose of a supplement plan. */
export const planStrings = {
  changeDose: 'Change my dose',
  changePlan: 'Change my plan',
  changeHeading: 'Change my dose',
  changeLead:
    'Your current plan ends the day before the new dose starts. The product, schedule and reminders stay the same.',
  whichPlan: 'Which plan changes?',
  planLine: (product: string, amount: string) => `${product}, ${amount}`,
  current: (product: string, amount: string, since: string) =>
    `Now: ${product}, ${amount} a dose, since ${since}.`,
  amountLabel: 'New amount in one dose',
  amountHint: 'The number on the pack or prescription, for example 2000 or 50.',
  amountInvalid: 'Enter the amount as a number above zero, such as 2000.',
  sameAmount: 'This is the amount you take now. Enter the new amount.',
  unitLabel: 'Unit of the new amount',
  unitHint: 'The unit printed beside the number: IU or µg (mcg).',
  startLabel: 'First day of the new dose',
  startInvalid: 'Enter the first day of the new dose.',
  startTooEarly: (date: string) =>
    `Your current plan started on ${date}. Choose a later day. To correct the plan itself, edit it in History.`,
  planEnded: (date: string) => `Your current plan ends on ${date}. Choose that day or earlier.`,
  endsOn: (date: string) => `Your current plan will end on ${date}.`,
  save: 'Save new dose',
  saving: 'Saving…',
  cancel: 'Cancel',
  saved: (amount: string, date: string) => `Your new dose of ${amount} is saved, from ${date}.`,
  addAnother: 'Add another supplement',
  addAnotherHint:
    'Only for a second supplement you take as well. To take a different amount, use “Change my dose”.',
} as const;
