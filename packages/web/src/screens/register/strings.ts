import { PASSWORD_MIN_LENGTH } from '@sunlog/core/records/account';

export const registerStrings = {
  title: 'Create your Sunlog account',
  lead: 'It takes about a minute. You can change every setting later.',
  emailLabel: 'Email',
  emailHint: 'We use it only to sign you in.',
  passwordLabel: 'Choose a password',
  passwordHint: `At least ${PASSWORD_MIN_LENGTH} characters — a few words work well.`,
  submit: 'Create account',
  submitting: 'Creating your account…',
  emailInvalid: 'Enter your email address, like name@example.com',
  haveAccount: 'Already have an account?',
  signIn: 'Sign in',
  checkMailTitle: 'Check your email',
  checkMailNext:
    'Open the link in the message to finish creating your account. If nothing arrives within a few minutes, look in the spam folder, or create the account again.',
} as const;
