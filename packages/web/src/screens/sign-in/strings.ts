export const signInStrings = {
  title: 'Sign in to Sunlog',
  lead: 'Welcome back. Sign in to see today’s log.',
  emailLabel: 'Email',
  passwordLabel: 'Password',
  submit: 'Sign in',
  submitting: 'Signing in…',
  emailMissing: 'Enter your email address, like name@example.com',
  passwordMissing: 'Enter your password',
  /** Used only if the server sends no message; the contract's own text is the same. */
  wrongCredentials: 'Email or password is incorrect.',
  forgotPassword: 'Forgot your password?',
  codeTitle: 'Enter your sign-in code',
  codeLead:
    'Two-step sign-in is on for this account. Open your authenticator app and enter the 6-digit code it shows for Sunlog.',
  codeLabel: 'Code from your authenticator app',
  codeHint: '6 digits. A new code appears every 30 seconds.',
  codeMissing: 'Enter the 6 digits from your authenticator app',
  recoveryLead:
    'Lost your phone? Enter one of the recovery codes you saved when you turned two-step sign-in on. Each works once.',
  recoveryLabel: 'Recovery code',
  recoveryHint: 'Like ABCD-EFGH-JKLM-NPQR. Capitals and dashes do not matter.',
  recoveryMissing: 'Enter one of your recovery codes',
  useRecovery: 'Use a recovery code instead',
  useApp: 'Use the code from my app instead',
  startOver: 'Start again with a different account',
  noAccount: 'New to Sunlog?',
  register: 'Create an account',
} as const;
