import { PASSWORD_MIN_LENGTH } from '@sunlog/core/records/account';

/** The words of Settings → "Change password". */
export const passwordStrings = {
  heading: 'Change password',
  lead: 'Changing your password signs you out on every other phone, tablet or computer. You stay signed in here.',
  currentLabel: 'Current password',
  newLabel: 'New password',
  newHint: `At least ${PASSWORD_MIN_LENGTH} characters — a few words work well.`,
  currentMissing: 'Enter your current password.',
  newTooShort: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
  button: 'Change password',
  changing: 'Changing your password…',
  changed:
    'Your password is changed. Every other device was signed out; sign in there with the new password.',
} as const;
