/** Words of Settings → Reminders → "Notifications on this device". */
export const pushStrings = {
  heading: 'Notifications on this device',
  on: 'Notifications are on for this device. Reminders arrive here even when Sunlog is closed.',
  off: 'Notifications are off on this device. When you turn a reminder on, your browser asks whether Sunlog may send notifications.',
  offAsk: 'Turn on notifications on this device',
  blocked: 'Notifications are blocked for Sunlog in this browser, so reminders cannot arrive here.',
  blockedFix:
    'To allow them: open the site settings (the lock or settings icon beside the web address), set Notifications to Allow, then come back to this page. On a phone, you may also need to allow notifications for the browser in the phone’s settings.',
  unsupported:
    'This browser cannot show notifications from Sunlog. The calendar feed below can remind you instead, through your calendar app.',
  checking: 'Checking notifications on this device…',
  working: 'Setting up notifications…',
  unreachable:
    'Your browser could not reach its notification service. Check your internet connection and try again.',
  failed: (reason: string) => `Notifications could not be turned on: ${reason}`,
  test: 'Send a test notification',
  testSending: 'Sending…',
  testSent: (count: number) =>
    count === 1
      ? 'A test notification is on its way. It should appear in a moment.'
      : `A test notification is on its way to your ${count} devices. It should appear in a moment.`,
  testNotDelivered:
    'Sunlog could not deliver the test notification just now. Check your internet connection and try again in a minute.',
  testBlocked: 'The test cannot arrive here while notifications are blocked (see above).',
  testUnsupported: 'This browser cannot show notifications.',
};
