/** The chat commands: the help card lists them and the manifest's command list is made from them. */
export const chatCommands = [
  { title: 'help', description: 'What this bot can do and how to ask for it.' },
  { title: 'new referral', description: 'Log a referral: the child, parents/carers, school, consent and evidence.' },
  { title: 'my cases', description: 'Your open and paused cases (managers and admins see every case).' },
  { title: 'due', description: 'What the app will do by itself in the next 10 school days: reminders, chasers, alerts (managers: all, and any that gave up).' },
  { title: 'case', description: 'Open a case by its reference, e.g. "case OC-26-7KQ2M".' },
  { title: 'log time', description: 'Log time on a case, e.g. "log time OC-26-7KQ2M".' },
  { title: 'chronology', description: 'Every record of a case by the date it happened, e.g. "chronology OC-26-7KQ2M".' },
] as const;
