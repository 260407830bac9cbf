import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

/**
 * Where Teams keeps a file sent to the bot, on this machine: each file at its own pre-authenticated
 * URL (no token). Counts the downloads, and can serve a file larger than it says (no Content-Length).
 */
export async function startTeamsFileServer() {
  const files = new Map<string, { bytes: Uint8Array; chunked: boolean }>();
  const downloads: string[] = [];
  const app = express();
  app.get('/download/:id', (req, res) => {
    const id = String(req.params.id);
    downloads.push(id);
    const file = files.get(id);
    if (!file) return void res.status(404).end();
    res.setHeader('Content-Type', 'application/octet-stream');
    if (!file.chunked) return void res.end(Buffer.from(file.bytes));
    // Chunked: the size is known only by reading.
    const size = 1024 * 1024;
    for (let at = 0; at < file.bytes.byteLength; at += size) res.write(Buffer.from(file.bytes.subarray(at, at + size)));
    res.end();
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let counter = 0;
  return {
    downloads,
    /** Keeps the file and answers the attachment Teams would put on the message. */
    put(name: string, bytes: Uint8Array, options: { chunked?: boolean; size?: number } = {}) {
      const id = `f${++counter}-${Math.random().toString(36).slice(2, 10)}`;
      files.set(id, { bytes, chunked: options.chunked ?? false });
      return {
        contentType: 'application/vnd.microsoft.teams.file.download.info',
        name,
        content: { downloadUrl: `${url}/download/${id}?tempauth=demo`, uniqueId: id, fileType: name.split('.').pop() ?? '', ...(options.size !== undefined ? { size: options.size } : {}) },
      };
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
