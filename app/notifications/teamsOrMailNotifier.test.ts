import pino from 'pino';
import { rememberConversation, type Notification } from '../../workflow';
import { buildWorld, people } from '../../tests/support/world';
import { teamsOrMailNotifier, type TeamsSender } from './teamsOrMailNotifier';

const logger = pino({ level: 'silent' });
const note = (key: string, recipientId: string = people.worker): Notification => ({
  kind: 'case-allocated',
  recipientId,
  caseId: '1',
  caseReference: 'OC-26-ABCDE',
  summary: 'Case OC-26-ABCDE has been allocated to you.',
  key,
});

describe('notifications reach staff in Teams, or by e-mail when Teams cannot', () => {
  it('sends to the stored conversation in Teams', async () => {
    const world = await buildWorld();
    await rememberConversation(world.deps, people.worker, '29:w', { conversation: { id: 'a:1' } });
    const sends: string[] = [];
    const teams: TeamsSender = { send: async (_ref, n) => (sends.push(n.key), 'sent') };
    await teamsOrMailNotifier(world.deps, teams, world.deps.mailer, 'Outreach Service', logger).notify(note('k1'));
    expect(sends).toEqual(['k1']);
    expect(world.memory.mailer.outbox).toEqual([]);
  });

  it('a stale reference (403/404) is marked and the person gets an e-mail with the case reference only', async () => {
    const world = await buildWorld();
    await rememberConversation(world.deps, people.worker, '29:w', { conversation: { id: 'a:1' } });
    const teams: TeamsSender = { send: async () => 'stale' };
    const notifier = teamsOrMailNotifier(world.deps, teams, world.deps.mailer, 'Outreach Service', logger);
    await notifier.notify(note('k2'));
    const [conversation] = await world.deps.stores.conversations.find({ userId: people.worker });
    expect(conversation?.stale).toBe(true);
    expect(world.memory.mailer.outbox).toEqual([expect.objectContaining({ to: ['harriet.lunde@outreach.example.org'], subject: 'Outreach Service: case OC-26-ABCDE' })]);
  });

  it('no conversation yet: e-mail; the same key twice: sent once', async () => {
    const world = await buildWorld();
    const teams: TeamsSender = { send: async () => 'sent' };
    const notifier = teamsOrMailNotifier(world.deps, teams, world.deps.mailer, 'Outreach Service', logger);
    await notifier.notify(note('k3', people.dsl));
    await notifier.notify(note('k3', people.dsl));
    expect(world.memory.mailer.outbox).toHaveLength(1);
  });

  it('Mail can go twice: after a restart (a new notifier, its in-process keys gone) the same key is not e-mailed again', async () => {
    const world = await buildWorld();
    const teams: TeamsSender = { send: async () => 'sent' };
    await teamsOrMailNotifier(world.deps, teams, world.deps.mailer, 'Outreach Service', logger).notify(note('k4', people.dsl));
    await teamsOrMailNotifier(world.deps, teams, world.deps.mailer, 'Outreach Service', logger).notify(note('k4', people.dsl));
    expect(world.memory.mailer.outbox).toHaveLength(1);
  });
});
