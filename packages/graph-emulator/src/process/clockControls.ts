import { z } from 'zod';
import type { EmulatorRuntimeInfo } from '../runtime/runtimeInfo';
import { adminRequest } from './registerUsers';

/** The emulator's clock as `/_emulator/clock` shows it: its time, whether it stands still, whether it is real time. */
export const emulatorTimeSchema = z.object({ now: z.iso.datetime({ offset: true }), frozen: z.boolean(), real: z.boolean() });
export type EmulatorTime = z.infer<typeof emulatorTimeSchema>;

const answered = (what: string, answer: { status: number; body: unknown }): EmulatorTime => {
  if (answer.status !== 200) throw new Error(`The embedded Graph did not ${what} (${answer.status}): ${JSON.stringify(answer.body)}`);
  return emulatorTimeSchema.parse(answer.body);
};

/** `GET /_emulator/clock`. */
export async function readClock(info: EmulatorRuntimeInfo, ca: string): Promise<EmulatorTime> {
  return answered('give its time', await adminRequest(info, ca, 'GET', 'clock'));
}

/** `PUT /_emulator/clock`: from `now` the emulator's time runs on (never frozen: a local run's time passes). */
export async function setClock(info: EmulatorRuntimeInfo, ca: string, now: Date): Promise<EmulatorTime> {
  return answered('set its time', await adminRequest(info, ca, 'PUT', 'clock', { now: now.toISOString(), frozen: false }));
}
