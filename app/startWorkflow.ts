import type { WorkflowDeps } from '../workflow';
import { appClock } from './clock';
import type { Config } from './config';
import { loadDemoData } from './data/demoData';
import { defaultWorkflowSettings, loadWorkflowConfig } from './data/workflowConfig';
import type { ConnectedGraph } from './graph/connectGraph';
import type { AppLogger } from './logger';
import { loggedNotifier } from './notifications/loggedNotifier';
import { randomIds } from './randomIds';

/** The workflow wired to Graph; on the embedded Graph, the fictional demo data is loaded (idempotently). */
export async function startWorkflow(config: Config, graph: ConnectedGraph, logger: AppLogger): Promise<WorkflowDeps> {
  const workflowConfig = loadWorkflowConfig({ ...defaultWorkflowSettings, serviceName: config.service.name, serviceEmail: config.service.mailbox });
  const clock = appClock(config.clockNow);
  if (graph.health.mode === 'embedded') {
    await loadDemoData(graph.ports.stores, workflowConfig, undefined, clock.now().toISOString());
    logger.info('demo data loaded into the embedded Graph');
  }
  return { ...graph.ports, notifier: loggedNotifier(logger), clock, ids: randomIds, config: workflowConfig };
}
