import path from 'node:path';

/** Where the Playground package keeps its command-line entry (resolved from node_modules, no npx). */
export const playgroundCli = (): string => require.resolve('@microsoft/m365agentsplayground/cli.js');

export interface PlaygroundCommandInput {
  /** The bot's messaging endpoint, e.g. http://localhost:3978/api/messages. */
  botEndpoint: string;
  port: number;
  /** The `.m365agentsplayground.yml` that sets the current user. */
  configFile: string;
  /** Folder for the Playground's own log (it writes ./devTools/ by default). */
  logDir: string;
}

/** Arguments and environment for the Playground child process: Teams channel, no browser, no telemetry. */
export const playgroundCommand = (input: PlaygroundCommandInput, parentEnv: NodeJS.ProcessEnv) => ({
  args: [playgroundCli(), '-e', input.botEndpoint, '-c', 'msteams', '-p', String(input.port), '--disable-telemetry'],
  env: {
    ...parentEnv,
    TEAMSAPPTESTER_BROWSER: 'none',
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: input.configFile,
    M365_AGENTS_PLAYGROUND_LOGFILE: path.join(input.logDir, 'm365agentsplayground.log'),
  },
});

/** The port in the line the Playground prints once it accepts connections ("Listening on 56150"). */
export const listeningPort = (line: string): number | undefined => {
  const match = /^Listening on (\d+)\s*$/.exec(line.trim());
  return match?.[1] === undefined ? undefined : Number(match[1]);
};
