import express from 'express';
import path from 'node:path';
import { createBotAdapter, type BotAuth } from './bot/botAdapter';
import { mountBot } from './bot/mountBot';
import { formatConfigProblems, parseConfig, type Config } from './config';
import { prepareDataDir, privateFilesUmask } from './dataDir';
import { connectGraph } from './graph/connectGraph';
import { listen, listenHost } from './listen';
import { createLogger } from './logger';
import { startLocalTeamsClient } from './playground/localTeamsClient';
import { diaryPage, diaryPath } from './diaryPage';
import { appClock } from './clock';
import { clockPage, clockPath } from './clockPage';
import { filesPage, filesPath } from './filesPage';
import { mailboxPage, mailboxPath } from './mailboxPage';
import { DriveFiles } from '../graph/drive/driveFiles';
import { SentMessages } from '../graph/mail/sentMessages';
import { startEmbeddedTime } from './embeddedTime';
import { createServer } from './server';
import { closeServer, installShutdown } from './shutdown';
import { startJobScheduler } from './jobs/jobScheduler';
import { ensureDailyPlan } from '../workflow';
import { startWorkflow } from './startWorkflow';
import { startLiveSettings } from './settings/liveSettings';
import { appVersion } from './version';
import { documentsApi } from './files/documentsApi';
import { tabCallers, type TabAuth } from '../tab/server/tabAuth';
import { adminDetailsAccess } from './detailsAccess';
import { tabApp } from '../tab/server/tabApi';
import { folderRoutes } from '../tab/server/folderRoutes';
import { inMemoryCaseLocks } from './bot/caseLocks';
import { startTelemetry } from './telemetry/telemetry';

/** The tab's browser app as `npm run build:tab` writes it. */
const tabClientDist = path.resolve(__dirname, '..', 'tab', 'client', 'dist');

const main = async (): Promise<void> => {
  const config = parseConfig(process.env);
  if (!config.ok) {
    process.stderr.write(`${formatConfigProblems(config.error)}\n`);
    process.exitCode = 1;
    return;
  }
  const { port, logLevel, nodeEnv, rateLimits } = config.value;
  const logger = createLogger({ logLevel });
  // Inherited by the embedded Graph and the Playground: graph.sqlite, keys and logs are the user's alone.
  process.umask(privateFilesUmask);
  let graph: Awaited<ReturnType<typeof connectGraph>> | undefined;
  try {
    if (config.value.graph.mode === 'embedded' && prepareDataDir(config.value.dataDir).closed) {
      logger.warn({ dataDir: config.value.dataDir }, 'DATA_DIR was open to other users: it is now for this user only (0700)');
    }
    // Milliseconds since the process started (module loading included): where a start spends its time.
    const sinceStart = () => Math.round(performance.now());
    logger.info({ sinceStartMs: sinceStart() }, 'starting');
    // Before Graph is connected: its calls are dependencies.
    const telemetry = config.value.telemetry ? startTelemetry(config.value.telemetry, appVersion, (m) => logger.warn(m)) : undefined;
    graph = await connectGraph(config.value);
    logger.info({ graph: graph.health, sinceStartMs: sinceStart() }, 'connected to Microsoft Graph');
    // Names of lists, columns and permissions only: no item is read by the check.
    if (graph.siteCheck?.missing.length) logger.warn({ missing: graph.siteCheck.missing }, 'the site is not ready: run npm run provision (details on /healthz/details)');
    const botAdapter = createBotAdapter(botAuth(config.value));
    // Embedded: the app's clock and the embedded Graph's agree from the start, and move together (/demo/clock).
    const clock = appClock(config.value.clockNow);
    const time = graph.embedded ? await startEmbeddedTime(clock, graph.embedded, config.value.clockNow !== undefined, logger) : undefined;
    const workflow = await startWorkflow(config.value, graph, logger, botAdapter, clock);
    // Price lists, term dates and the team channel as changed on the settings pages (kept live across instances).
    // A tenant site that is not ready (see the site check): the app stays up to say so on /healthz, and reads or runs nothing from the lists until provisioned and restarted.
    const siteReady = !graph.siteCheck?.missing.length;
    const settings = siteReady ? await startLiveSettings(workflow, logger) : { stop: async () => undefined };
    logger.info({ sinceStartMs: sinceStart() }, 'workflow ready');
    // One lock of cases for chat and tab: a submit from either waits for the other's on the same case.
    const caseLocks = inMemoryCaseLocks();
    const bot = mountBot(workflow, botAdapter, logger, { rateLimits, caseLocks });
    // The tab's sign-in, for its API and the documents API alike (one set of the tenant's keys, fetched as needed).
    const tabSignIn = tabAuth(config.value);
    const documents = documentsApi(workflow, tabSignIn, logger);
    const tabLog = logger.child({ component: 'tab' });
    const tab = tabApp({
      workflow,
      auth: tabSignIn,
      log: { info: (f, m) => tabLog.info(f, m), warn: (f, m) => tabLog.warn(f, m), error: (f, m) => tabLog.error(f, m) },
      perPersonPerMinute: rateLimits.perPersonPerMinute,
      caseLocks,
      // A contract decided in the tab redraws its approval cards in chat.
      onChanged: (changed) => bot.redrawCardCopies(changed),
      clientDist: tabClientDist,
      // The child's folder: browsed and uploaded to under /tab/api/cases/:caseId/folder.
      signedInRoutes: [express.Router().use('/cases', folderRoutes(workflow, tabLog))],
    });
    // /healthz/details (embedded only, on this machine only) reads this at each request: the
    // Playground's entry is added once it is up (it needs the bot's URL).
    const details: Record<string, unknown> | undefined = graph.health.mode === 'embedded' ? { graph: graph.health, bot: bot.health } : undefined;
    const diary = graph.embedded ? diaryPage({ embedded: graph.embedded, staff: () => workflow.stores.staff.find({}), clock: workflow.clock }) : undefined;
    // The clock page ticks the scheduler, which starts last: reached through this, once it exists.
    const ticking: { jobs?: ReturnType<typeof startJobScheduler> } = {};
    const clockControl = time ? clockPage({ clock, time, workflow, ...(config.value.jobs ? { tick: async () => ticking.jobs?.tickNow() } : {}) }) : undefined;
    // Files as their webUrl opens them, and the service mailbox's sent mail: the embedded Graph's, on this machine.
    const files = graph.embedded ? filesPage({ files: new DriveFiles(graph.client) }) : undefined;
    const mailbox = graph.embedded ? mailboxPage({ sent: new SentMessages(graph.client, config.value.service.mailbox), mailbox: config.value.service.mailbox }) : undefined;
    const siteCheck = graph.siteCheck;
    const connectedHealth = graph.health;
    const tenantDetails = siteCheck
      ? { access: adminDetailsAccess(tabCallers(tabSignIn)), read: () => ({ graph: connectedHealth, siteCheck }) }
      : undefined;
    const app = createServer({
      logger, version: appVersion, ...(details ? { details } : {}), ...(tenantDetails ? { tenantDetails, missingCount: () => siteCheck?.missing.length ?? 0 } : {}), ...(diary ? { diaryPage: diary } : {}), ...(clockControl ? { clockPage: clockControl } : {}),
      ...(files ? { filesPage: files } : {}), ...(mailbox ? { mailboxPage: mailbox } : {}), mounts: [bot, documents, tab], rateLimits, tabPath: tab.path,
      ...(telemetry ? { requestTelemetry: telemetry.requests } : {}),
    });
    const { server, url } = await listen(app, port, listenHost(config.value.graph));
    // Now that the port is known (PORT=0, or an emulator started by someone else): drive items' webUrl opens here.
    if (graph.embedded) await graph.embedded.setFilesWebBase(`${url}${filesPath}`);
    logger.info({ url, sinceStartMs: sinceStart() }, 'serving /healthz, the bot and the tab');
    const teamsClient = await startLocalTeamsClient(config.value, url, logger);
    if (teamsClient && details) details.teamsClient = teamsClient.health;
    if (diary && details) details.diaryPage = `${url}${diaryPath}`;
    if (clockControl && details) details.clockPage = `${url}${clockPath}`;
    if (files && details) details.filesPage = `${url}${filesPath}/{driveId}/{itemId}`;
    if (mailbox && details) details.mailboxPage = `${url}${mailboxPath}`;
    const connected = graph;
    // Last, once everything it may use is up: a start that failed before leaves no timer behind.
    if (config.value.jobs && siteReady) await ensureDailyPlan(workflow);
    const jobs = config.value.jobs && siteReady ? startJobScheduler(workflow, logger, time ? { beforeTick: () => time.follow() } : {}) : undefined;
    ticking.jobs = jobs;
    installShutdown({
      signals: process,
      logger,
      steps: [
        ...(teamsClient ? [{ name: 'agents playground', run: () => teamsClient.stop() }] : []),
        closeServer(server),
        { name: 'bot background work', run: () => bot.drain() },
        ...(jobs ? [{ name: 'jobs', run: () => jobs.stop() }] : []),
        { name: 'settings refresh', run: () => settings.stop() },
        { name: 'graph', run: () => connected.stop() },
        ...(telemetry ? [{ name: 'telemetry', run: () => telemetry.stop() }] : []),
      ],
      exit: (code) => process.exit(code),
    });
    logger.info({ url, version: appVersion, nodeEnv, graphMode: graph.health.mode }, 'listening');
  } catch (err) {
    logger.fatal({ err }, 'could not start');
    await graph?.stop();
    process.exitCode = 1;
  }
};

/** Bot Framework tokens are checked whenever a tenant is configured: the bot is CLIENT_ID, with the tenant's credential. */
function botAuth(config: Config): BotAuth {
  if (config.graph.mode === 'tenant') {
    const { clientId, tenantId, credential } = config.graph;
    return { mode: 'tenant', clientId, tenantId, credential };
  }
  return { mode: 'anonymous' };
}

/** The tab's API: Entra ID tokens of the tenant; with the embedded Graph, the development sign-in (tab/server/tabAuth.ts). */
function tabAuth(config: Config): TabAuth {
  if (config.graph.mode === 'tenant') {
    return { mode: 'tenant', tenantId: config.graph.tenantId, appId: config.graph.clientId };
  }
  return { mode: 'embedded-dev' };
}

void main();
