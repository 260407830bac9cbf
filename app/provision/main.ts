import { StepRefused } from '../../graph/tenant/steps';
import { parseProvisionOptions, usage } from './provisionOptions';
import { provisionGraph } from './provisionGraph';
import { runProvision } from './runProvision';

/**
 * `npm run provision`: sets up the app registration, its consent, the federated credential, the site
 * permission, the lists and libraries and the Teams app, idempotently. Exit codes: 0 done, 1 a
 * setting or an unexpected failure, 2 a step Graph refused (403: the line names the permission and role).
 */
async function main(): Promise<number> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const parsed = parseProvisionOptions(process.argv.slice(2), process.env);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.problems.map((p) => `provision: ${p}`).join('\n')}\n${usage}\n`);
    return 1;
  }
  const options = parsed.value;
  const graph = await provisionGraph(options.target, (line) => process.stderr.write(`${line}\n`));
  try {
    say(`Provisioning Outreach Cases on ${graph.describe}${options.dryRun ? ' (dry run: nothing is changed)' : ''}`);
    const { changes, appId } = await runProvision(graph, options, say);
    if (appId) say(`CLIENT_ID ${appId}`);
    say(options.dryRun ? `${changes} change${changes === 1 ? '' : 's'} would be made` : `${changes} change${changes === 1 ? '' : 's'}`);
    return 0;
  } catch (error) {
    if (error instanceof StepRefused) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await graph.stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`provision failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
