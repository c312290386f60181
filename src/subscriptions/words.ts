// Everything the subscription service says to readers, in pages and in the confirmation email (English).

export const WORDS = {
  confirmation: {
    subject: (siteTitle: string) => `Confirm your subscription to ${siteTitle}`,
    heading: 'Confirm your subscription',
    request: (siteTitle: string) => `Someone, we hope you, asked to receive ${siteTitle}'s email digest at this address.`,
    action: 'Confirm my subscription',
    expiry: (hours: number) => `The link works for ${hours} hours.`,
    ignore: 'If you did not ask for it, ignore this email: you will get nothing more from us.',
  },
  unsubscribe: {
    title: 'Unsubscribe',
    question: (siteTitle: string, email: string) => `Stop sending ${siteTitle}'s email digest to ${email}?`,
    button: 'Unsubscribe',
    done: (siteTitle: string) => `You are unsubscribed: ${siteTitle} will send you no more digests.`,
  },
  problems: {
    badLinkTitle: 'This link does not work',
    badUnsubscribeLink:
      'This unsubscribe link is not complete or not valid. Use the link from the most recent email, or reply to it and ask to be removed.',
    badConfirmationLink: 'This confirmation link is not complete or not valid. Copy the whole link from the email, or subscribe again.',
    expiredTitle: 'This link has expired',
    expiredConfirmation: 'Confirmation links work for a limited time. Subscribe again and use the link in the new email.',
    staleConfirmation: 'This address is no longer waiting for confirmation. Subscribe again if you want the digest.',
    badAddressTitle: 'That address does not look right',
    badAddress: 'Go back and enter one email address, such as name@example.org.',
    badNameTitle: 'That name can not be used',
    badName: 'Go back and enter your name on one line, or leave it empty.',
    tooManyTitle: 'Too many requests',
    tooMany: 'Please wait a minute before trying again.',
    errorTitle: 'Something went wrong',
    error: 'Your request could not be handled. Please try again later.',
  },
  backToSite: (siteTitle: string) => `Back to ${siteTitle}`,
} as const;
