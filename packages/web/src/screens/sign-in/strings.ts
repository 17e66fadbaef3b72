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
  noAccount: 'New to Sunlog?',
  register: 'Create an account',
} as const;
