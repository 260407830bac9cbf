import { TemplateDocuments } from '../documents';
import { defaultBookingPolicy, type WorkflowDeps } from '../workflow';
import { appClock, type AppClock } from './clock';
import type { Config } from './config';
import { loadDemoData, readDemoData } from './data/demoData';
import { demoDiaries, demoDiaryMarker } from './data/demoDiaries';
import { seedDemoHistory } from './data/demoHistorySeed';
import { defaultWorkflowSettings, loadWorkflowConfig } from './data/workflowConfig';
import type { ConnectedGraph } from './graph/connectGraph';
import { embeddedUsers } from './graph/embeddedUsers';
import type { AppLogger } from './logger';
import type { BotAdapter } from './bot/botAdapter';
import { botTeamChannel } from './bot/botTeamChannel';
import { teamsSender } from './bot/teamsSender';
import { teamsOrMailNotifier } from './notifications/teamsOrMailNotifier';
import { randomIds } from './randomIds';
import { teamsDownloads } from './files/teamsDownloads';

/**
 * The workflow wired to Graph; on the embedded Graph, the fictional demo data is loaded (idempotently)
 * and the service mailbox and staff are registered as its users (it answers 404 for any other).
 * Notifications go to staff in Teams through the bot, or by e-mail when Teams cannot reach them.
 * `clock`: a local run's is moved forward with the embedded Graph's (app/embeddedTime.ts).
 */
export async function startWorkflow(config: Config, graph: ConnectedGraph, logger: AppLogger, bot: BotAdapter, clock: AppClock = appClock(config.clockNow)): Promise<WorkflowDeps> {
  const workflowConfig = loadWorkflowConfig({ ...defaultWorkflowSettings, serviceName: config.service.name,
    serviceEmail: config.service.mailbox,
    ...(config.service.evaluationFormUrl ? { evaluationFormUrl: config.service.evaluationFormUrl } : {}),
    booking: { mode: config.booking.mode, policy: { ...defaultBookingPolicy, schoolHours: config.booking.schoolHours, workingHours: config.booking.workingHours, travelBufferMinutes: config.booking.travelBufferMinutes } },
    // The default until an admin sets one on the settings pages (app/settings keeps it live).
    ...(config.teamChannel ? { teamChannelId: config.teamChannel.channelId } : {}),
  });
  if (graph.embedded) {
    const demo = readDemoData();
    const fresh = await loadDemoData(graph.ports.stores, workflowConfig, demo, clock.now().toISOString());
    // Only where the demo data itself was missing: a later start never reads the Cases list whole to find out.
    if (fresh && config.demoHistory) await seedDemoHistory(graph.ports.stores, workflowConfig, clock.now(), logger);
    // Demo staff, and any added since (read from the reference cache the load just filled).
    const staff = [...demo.staff, ...(await graph.ports.stores.staff.find({}))];
    await graph.embedded.registerUsers(embeddedUsers(config.service, staff));
    await graph.embedded.seedEvents(demoDiaryMarker, demoDiaries(demo.staff, demo.schools.map((s) => s.name), clock.now()));
    logger.info('demo data loaded into the embedded Graph, and its users registered');
  }
  // The sender draws cards with the workflow it belongs to (a contract's approval card): bound once made.
  const notifier = teamsOrMailNotifier({ stores: graph.ports.stores, clock }, teamsSender(bot, () => deps), graph.ports.mailer, workflowConfig.serviceName, logger);
  const channel = botTeamChannel({ stores: graph.ports.stores, clock }, bot, () => workflowConfig.teamChannelId, logger);
  // The shipped templates, or the site's own copies from its Templates library.
  const { templates, ...ports } = graph.ports;
  const documents = new TemplateDocuments({ overrides: templates, clock });
  // Files staff send the bot: on the embedded Graph a local server stands in for Teams' file store.
  const incomingFiles = teamsDownloads({ allowLoopback: config.graph.mode === 'embedded' });
  const deps: WorkflowDeps = { ...ports, notifier, channel, clock, ids: randomIds, documents, incomingFiles, config: workflowConfig };
  return deps;
}
