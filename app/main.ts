import { createBotAdapter, type BotAuth } from './bot/botAdapter';
import { mountBot } from './bot/mountBot';
import { formatConfigProblems, parseConfig, type Config } from './config';
import { connectGraph } from './graph/connectGraph';
import { listen } from './listen';
import { createLogger } from './logger';
import { startLocalTeamsClient } from './playground/localTeamsClient';
import { createServer } from './server';
import { closeServer, installShutdown } from './shutdown';
import { startWorkflow } from './startWorkflow';
import { appVersion } from './version';

const main = async (): Promise<void> => {
  const config = parseConfig(process.env);
  if (!config.ok) {
    process.stderr.write(`${formatConfigProblems(config.error)}\n`);
    process.exitCode = 1;
    return;
  }
  const { port, logLevel, nodeEnv } = config.value;
  const logger = createLogger({ logLevel });
  let graph: Awaited<ReturnType<typeof connectGraph>> | undefined;
  try {
    graph = await connectGraph(config.value);
    logger.info({ graph: graph.health }, 'connected to Microsoft Graph');
    const botAdapter = createBotAdapter(botAuth(config.value));
    const workflow = await startWorkflow(config.value, graph, logger, botAdapter);
    const bot = mountBot(workflow, botAdapter, logger);
    // /healthz reads this at each request: the Playground's entry is added once it is up (it needs the bot's URL).
    const health: Record<string, unknown> = { graph: graph.health, bot: bot.health };
    const app = createServer({ logger, version: appVersion, health, mounts: [bot] });
    const { server, url } = await listen(app, port);
    const teamsClient = await startLocalTeamsClient(config.value, url, logger);
    if (teamsClient) health.teamsClient = teamsClient.health;
    const connected = graph;
    installShutdown({
      signals: process,
      logger,
      steps: [
        ...(teamsClient ? [{ name: 'agents playground', run: () => teamsClient.stop() }] : []),
        closeServer(server),
        { name: 'bot background work', run: () => bot.drain() },
        { name: 'graph', run: () => connected.stop() },
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

/** Bot Framework tokens are checked whenever a tenant is configured (config requires the bot's credentials then). */
function botAuth(config: Config): BotAuth {
  if (config.graph.mode === 'tenant') {
    if (!config.bot) throw new Error('tenant mode needs BOT_ID and BOT_PASSWORD');
    return { mode: 'tenant', clientId: config.bot.id, clientSecret: config.bot.password, tenantId: config.graph.tenantId };
  }
  return { mode: 'anonymous' };
}

void main();
