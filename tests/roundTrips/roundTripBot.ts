import { z } from 'zod';
import { randomIds } from '../../app/randomIds';
import type { AdaptiveCardJson } from '../../bot/cards';
import { graphPorts } from '../../graph/graphPorts';
import type { ListKey } from '../../graph/sharepoint/listDefinitions';
import type { WorkflowDeps } from '../../workflow';
import { cardOf, invokeCard, startBot } from '../bot/botHarness';
import { startEmbeddedGraph, type EmbeddedGraph } from '../graph/embeddedGraph';
import { buildWorld, onTheDay, people, type World } from '../support/world';

type Person = keyof typeof people;

/** One entry of the emulator's request log, as its admin route answers it. */
const LogEntry = z.object({ method: z.string(), path: z.string(), status: z.number(), batchRequestId: z.string().optional(), resourceUnits: z.number() });
const RequestLog = z.object({ entries: z.array(LogEntry) });
type LogEntry = z.infer<typeof LogEntry>;

/** What one action cost in Graph traffic, everything it caused counted (its answer and its background work). */
export interface Measured {
  /** What was measured: a card verb, or a chat message. */
  name: string;
  /** HTTP exchanges with Graph: log entries outside any `$batch` (a `$batch` envelope is one). */
  roundTrips: number;
  /** Graph requests: every entry but the `$batch` envelopes (a batch's parts count one each). */
  requests: number;
  /** SharePoint resource units, as the embedded Graph counts them (reported, not budgeted). */
  resourceUnits: number;
  /** The round trips in order, e.g. `GET cases/items`, for finding what to batch. */
  trips: string[];
}

/** The Staff, Schools and Purchases cache as the app composes it, on a clock that never moves: reads stay warm. */
const frozenCache = { refreshMs: 60_000, now: () => Date.parse('2026-09-14T09:00:00Z') };
const mailbox = 'outreach@outreach.example.org';
/** The inputs that date what was held, delivered, observed, returned or worked (as cardWorld reads them). */
const eventDates = ['heldOn', 'deliveredOn', 'observedOn', 'returnedOn', 'on'];

/** A log entry as `GET cases/items/{id}`: the list's name for its path, ids and folder names left out, the status if not 2xx. */
function describe(graph: EmbeddedGraph, entry: LogEntry): string {
  let path = entry.path;
  for (const [key, listPath] of Object.entries(graph.site.listPaths) as Array<[ListKey, string]>) {
    if (path.startsWith(listPath)) path = `${key}${path.slice(listPath.length)}`;
  }
  // Drive paths name the child's folder: never shown.
  path = path.replace(/^\/drives\/[^/]+/, 'drive').replace(/root:[^:]*:/, 'root:{path}:').replace(/\/items\/[^/]+/, '/items/{id}');
  const status = entry.status >= 200 && entry.status < 300 ? '' : ` → ${entry.status}`;
  return `${entry.method} ${path}${status}`;
}

/**
 * The embedded Graph (in this process), a world with the demo data on it, and the app's bot on
 * /api/messages over it. `act` posts one Action.Execute and measures the Graph traffic it caused,
 * from the emulator's request log, after the bot's background work has finished.
 */
export async function startRoundTripBot(now = '2026-09-14T09:00:00Z') {
  const graph = await startEmbeddedGraph({ referenceCache: frozenCache });
  const world: World = await buildWorld(now, { ...graph.ports, ids: randomIds });
  // Read once, as the app's first actions would: every measurement after this is warm.
  await Promise.all([world.deps.stores.staff.list(), world.deps.stores.schools.list(), world.deps.stores.purchases.list()]);

  const measuredTraffic = async (name: string): Promise<Measured> => {
    const { entries } = RequestLog.parse(await graph.requests());
    const outer = entries.filter((e) => e.batchRequestId === undefined);
    return {
      name,
      roundTrips: outer.length,
      requests: entries.filter((e) => !e.path.endsWith('/$batch')).length,
      resourceUnits: entries.reduce((sum, e) => sum + e.resourceUnits, 0),
      trips: outer.map((e) => describe(graph, e)),
    };
  };

  /** A bot over `deps` (the shared world's, or ports with a cache of their own) that measures what each action costs. */
  const botOver = async (deps: WorkflowDeps) => {
    const harness = await startBot(deps, { interimAfterMs: 120_000 });
    const measured: Measured[] = [];
    /** Runs `post`, waits for its background work, and measures the Graph traffic of both. */
    const measure = async (name: string, post: () => Promise<{ status: number; body: unknown }>) => {
      const sentBefore = harness.connector.sent.length;
      await graph.resetRequests();
      const answer = await post();
      if (answer.status !== 200) throw new Error(`${name}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
      await harness.bot.drain();
      const traffic = await measuredTraffic(name);
      measured.push(traffic);
      const sent = harness.connector.sent.slice(sentBefore).filter((s) => s.method === 'POST');
      return { answer, sent, traffic };
    };
    /**
     * A click on a card of message `message` by `who`, on the day the form names if that is
     * later than the clock (as staff record an event on its day or after).
     */
    const act = async (who: Person, verb: string, data: Record<string, unknown>, message = 'bot-msg-0') => {
      const eventDay = eventDates.map((f) => data[f]).filter((v): v is string => typeof v === 'string').sort().at(-1);
      const { answer, sent, traffic } = await onTheDay(world, eventDay, () => measure(verb, () => harness.click(people[who], verb, data, message)));
      const followUp: AdaptiveCardJson | undefined = sent.length > 0 ? cardOf(sent.at(-1)) : undefined;
      return { card: invokeCard(answer.body), followUp, traffic };
    };
    /** A chat message from `who`; answers the card the bot sent back. */
    const say = async (who: Person, text: string) => {
      const { sent, traffic } = await measure(text.replace(/OC-\S+/, '<ref>'), () => harness.say(people[who], text));
      return { card: cardOf(sent.at(-1)), traffic };
    };
    return { harness, measured, act, say, close: () => harness.close() };
  };

  /** Ports over the same site with a reference cache of their own, empty: as a freshly started app has. */
  const coldDeps = (): WorkflowDeps => ({ ...world.deps, ...graphPorts(graph.client, graph.site, mailbox, { referenceCache: frozenCache }) });

  const shared = await botOver(world.deps);
  return {
    graph,
    world,
    ...shared,
    botOver,
    coldDeps,
    async stop() {
      await shared.close();
      await graph.stop();
    },
  };
}

export type RoundTripBot = Awaited<ReturnType<typeof startRoundTripBot>>;

/** A markdown table of measurements (the largest of each name), against a budget when one is given. */
export function measuredTable(measured: readonly Measured[], budgetOf: (name: string) => number | undefined): string {
  const worst = new Map<string, Measured>();
  for (const m of measured) if ((worst.get(m.name)?.roundTrips ?? -1) < m.roundTrips) worst.set(m.name, m);
  const rows = [...worst.values()].map((m) => `| ${m.name} | ${m.roundTrips} | ${m.requests} | ${m.resourceUnits} | ${budgetOf(m.name) ?? ''} | ${m.trips.join(', ')} |`);
  return ['| action | round trips | requests | resource units | budget | round trips in order |', '|---|---:|---:|---:|---:|---|', ...rows].join('\n');
}
