import { request } from 'node:https';
import type { EmulatorRuntimeInfo } from '../runtime/runtimeInfo';
import type { CalendarSettingsInput } from '../store/calendarSettingsStore';

/**
 * A user of the fictional tenant: `/users/{id or mail}` finds it; any other user answers 404, as Graph does.
 * Its calendar settings (optional, changed only where given): `teams: false` for a mailbox that cannot host
 * Teams meetings, `teamsLinkAfterReads` for a join link that appears late, `workingHours` for getSchedule.
 */
export interface EmulatorUser extends CalendarSettingsInput {
  id: string;
  displayName: string;
  mail: string;
}

/** One request to the emulator's controls (`/_emulator/…`) over its own certificate; the answer's status and JSON. */
export function adminRequest(info: EmulatorRuntimeInfo, caCertificate: string, method: string, route: string, payload?: unknown): Promise<{ status: number; body: unknown }> {
  const body = payload === undefined ? undefined : JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = request(
      `${info.adminUrl}/${route}`,
      {
        method,
        ca: caCertificate,
        headers: { Authorization: `Bearer ${info.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try { parsed = text.length > 0 ? JSON.parse(text) : undefined; } catch { /* not JSON: kept as text */ }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

/** `POST /_emulator/users` with every user in one body. */
export async function registerUsers(info: EmulatorRuntimeInfo, caCertificate: string, users: readonly EmulatorUser[]): Promise<void> {
  if (users.length === 0) return;
  const answer = await adminRequest(info, caCertificate, 'POST', 'users', { value: users });
  if (answer.status !== 201) throw new Error(`The embedded Graph refused the users (${answer.status}): ${JSON.stringify(answer.body)}`);
}
