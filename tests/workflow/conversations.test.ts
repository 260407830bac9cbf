import { markConversationStale, rememberConversation } from '../../workflow';
import { startEmbeddedGraph } from '../graph/embeddedGraph';
import { buildWorld, people, type PortOverrides } from '../support/world';

const reference = (conversationId: string) => ({ serviceUrl: 'https://smba.example/emea/', conversation: { id: conversationId }, user: { id: '29:abc' } });

async function rememberAndMarkStale(ports: PortOverrides = {}) {
  const world = await buildWorld('2026-09-14T09:00:00Z', ports);
  const first = await rememberConversation(world.deps, people.worker, '29:abc', reference('a:1'));
  expect(first).toMatchObject({ userId: people.worker, teamsUserId: '29:abc', stale: false, reference: reference('a:1') });
  const newer = await rememberConversation(world.deps, people.worker, '29:abc', reference('a:2'));
  expect(newer.id).toBe(first.id);
  expect(newer.reference).toEqual(reference('a:2'));
  await markConversationStale(world.deps, people.worker);
  const [stale] = await world.deps.stores.conversations.find({ userId: people.worker });
  expect(stale).toMatchObject({ stale: true, staleSince: '2026-09-14T09:00:00.000Z' });
  expect(await world.deps.stores.conversations.find({ stale: true })).toHaveLength(1);
  const revived = await rememberConversation(world.deps, people.worker, '29:abc', reference('a:3'));
  expect(revived.stale).toBe(false);
  expect(revived.staleSince).toBeUndefined();
}

describe('conversation references (where to reach staff in Teams) survive restarts and go stale', () => {
  it('keeps one per person, newest wins, stale until they write again (memory)', async () => {
    await rememberAndMarkStale();
  });

  it('the same through the ConversationReferences list on the embedded Graph', async () => {
    const graph = await startEmbeddedGraph();
    try {
      await rememberAndMarkStale(graph.ports);
    } finally {
      await graph.stop();
    }
  }, 60_000);
});
