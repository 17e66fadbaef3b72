export const resetPasswordStrings = {
  title: 'Set a new password',
  lead: 'Choose a new password for your Sunlog account. This link works once, for one hour.',
  noLinkTitle: 'Forgot your password?',
  noLink:
    'To set a new password you need a reset link. Ask whoever runs Sunlog for you (a clinic, a patient organisation, or the person who set it up on your computer): they can make a one-time link that works for one hour.',
  noLinkOperator: 'For the person running Sunlog: the command is',
  newPasswordLabel: 'New password',
  newPasswordHint: 'At least 10 characters. A few unrelated words are easy to remember and hard to guess.',
  confirmLabel: 'Type the new password again',
  mismatch: 'The two passwords are not the same. Type them again.',
  passwordMissing: 'Enter a new password',
  submit: 'Save the new password',
  submitting: 'Saving…',
  done: 'Your new password is saved, and you are signed out everywhere. Sign in with the new password.',
  backToSignIn: 'Back to sign in',
  byMailTitle: 'Get a link by email',
  byMailLead:
    'Enter the email address of your account. We will send a link that sets a new password; it works once, for one hour.',
  emailLabel: 'Email',
  emailMissing: 'Enter your email address, like name@example.com',
  sendLink: 'Email me a link',
  sending: 'Sending…',
} as const;
