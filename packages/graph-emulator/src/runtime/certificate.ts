import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { writeFileAtomically } from './writeFileAtomically';

export interface EmulatorCertificate {
  key: string;
  cert: string;
  /** The certificate file, for clients to trust (undici `connect: { ca }` or NODE_EXTRA_CA_CERTS). */
  certPath: string;
}

/** Made at first start (CN localhost, SAN 127.0.0.1 and localhost), kept in the data folder, reused after. */
export const ensureCertificate = async (dataDir: string, now: Date): Promise<EmulatorCertificate> => {
  const certPath = join(dataDir, 'emulator-cert.pem');
  const keyPath = join(dataDir, 'emulator-key.pem');
  if (existsSync(certPath) && existsSync(keyPath)) {
    return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8'), certPath };
  }
  const notAfter = new Date(now.getTime());
  notAfter.setFullYear(notAfter.getFullYear() + 5);
  const made = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 24 * 3600 * 1000),
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
    ],
  });
  writeFileAtomically(keyPath, made.private, 0o600);
  writeFileAtomically(certPath, made.cert, 0o600);
  return { key: made.private, cert: made.cert, certPath };
};
