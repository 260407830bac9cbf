import { loadDemoData, readDemoData } from '../../app/data/demoData';
import { defaultWorkflowSettings, loadWorkflowConfig } from '../../app/data/workflowConfig';
import type { Result, Staff, WorkflowDeps } from '../../workflow';
import { memoryDeps } from './memory';

/** Demo staff by what they do (see data/demo/staff.json). */
export const people = {
  manager: '00000000-0000-4000-8000-000000000001', // manager and worker
  admin: '00000000-0000-4000-8000-000000000002',
  dsl: '00000000-0000-4000-8000-000000000003', // worker and DSL
  worker: '00000000-0000-4000-8000-000000000004',
  otherWorker: '00000000-0000-4000-8000-000000000005',
  inactive: '00000000-0000-4000-8000-000000000008',
  deputy: '00000000-0000-4000-8000-000000000009', // deputy manager: approves what the manager drafts
} as const;

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** Ports to use instead of memory ones (e.g. the Graph adapters on the embedded Graph). */
export type PortOverrides = Partial<Pick<WorkflowDeps, 'stores' | 'audit' | 'folders' | 'mailer' | 'calendar' | 'ids' | 'batching' | 'jobs'>>;

/** A whole product on memory ports (or the given ones) with the real configuration and demo data, at a set date. */
export async function buildWorld(now = '2026-09-14T09:00:00Z', ports: PortOverrides = {}) {
  const memory = memoryDeps();
  memory.clock.set(now);
  const config = loadWorkflowConfig(defaultWorkflowSettings);
  // TEMPORARY (documents issue in progress): the test documents until the template engine and drive files land.
  const deps: WorkflowDeps = { ...memory, ...ports, config };
  await loadDemoData(deps.stores, config, readDemoData(), now);
  // The memory calendar shows each organiser's bookings as their busy times, by address.
  for (const s of await deps.stores.staff.list()) memory.calendar.addresses.set(s.userId, s.email);
  const staff = async (userId: string): Promise<Staff> => {
    const [member] = await deps.stores.staff.find({ userId });
    if (!member) throw new Error(`no demo staff ${userId}`);
    return member;
  };
  const schoolByUrn = async (urn: string) => {
    const [school] = await deps.stores.schools.find({ urn });
    if (!school) throw new Error(`no demo school ${urn}`);
    return school;
  };
  return { deps, memory, config, staff, schoolByUrn };
}

/** The value of a result that must be ok (a failing test shows the error). */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The error of a result that must have failed. */
export function errorOf<T>(result: Result<T>) {
  if (result.ok) throw new Error('expected an error, got ok');
  return result.error;
}

let counter = 0;
/** A fresh request key, as a card submission would carry. */
export const key = (label = 'req'): string => `${label}-${(++counter).toString().padStart(6, '0')}`;

/**
 * Runs `write` on the day of the event it records: the clock goes forward to `date` (same time
 * of day) if it is behind, and back after, so a test's clock stays where the test set it.
 * Nothing held or delivered is dated in the future (rule "Plausible facts").
 */
export async function onTheDay<T>(world: Pick<World, 'memory'>, date: string | undefined, write: () => Promise<T>): Promise<T> {
  const before = world.memory.clock.now();
  const iso = before.toISOString();
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || iso.slice(0, 10) >= date) return write();
  world.memory.clock.set(`${date}${iso.slice(10)}`);
  try {
    return await write();
  } finally {
    world.memory.clock.set(iso);
  }
}
