import { request } from 'node:https';
import type { EmulatorRuntimeInfo } from '../runtime/runtimeInfo';

/** A user of the fictional tenant: `/users/{id or mail}` finds it; any other user answers 404, as Graph does. */
export interface EmulatorUser {
  id: string;
  displayName: string;
  mail: string;
}

/** `POST /_emulator/users` with every user in one body, over the emulator's own certificate. */
export function registerUsers(info: EmulatorRuntimeInfo, caCertificate: string, users: readonly EmulatorUser[]): Promise<void> {
  if (users.length === 0) return Promise.resolve();
  const body = JSON.stringify({ value: users });
  return new Promise((resolve, reject) => {
    const req = request(
      `${info.adminUrl}/users`,
      { method: 'POST', ca: caCertificate, headers: { Authorization: `Bearer ${info.token}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          if (res.statusCode === 201) resolve();
          else reject(new Error(`The embedded Graph refused the users (${res.statusCode}): ${Buffer.concat(chunks).toString('utf8')}`));
        });
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}
