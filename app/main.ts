import { formatConfigProblems, parseConfig } from './config';
import { listen } from './listen';
import { createLogger } from './logger';
import { createServer } from './server';
import { closeServer, installShutdown } from './shutdown';
import { appVersion } from './version';

const main = async (): Promise<void> => {
  const config = parseConfig(process.env);
  if (!config.ok) {
    process.stderr.write(`${formatConfigProblems(config.error)}\n`);
    process.exitCode = 1;
    return;
  }
  const { port, logLevel, nodeEnv, graph } = config.value;
  const logger = createLogger({ logLevel });
  const app = createServer({ logger, version: appVersion, health: { graph: { mode: graph.mode } } });
  try {
    const { server, url } = await listen(app, port);
    installShutdown({ signals: process, logger, steps: [closeServer(server)], exit: (code) => process.exit(code) });
    logger.info({ url, version: appVersion, nodeEnv, graphMode: graph.mode }, 'listening');
  } catch (err) {
    logger.fatal({ err, port }, 'could not start the web server');
    process.exitCode = 1;
  }
};

void main();
