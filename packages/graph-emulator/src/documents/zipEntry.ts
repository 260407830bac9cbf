import { inflateRawSync } from 'node:zlib';

/** Entries larger than this are not read (a .docx's document.xml is far smaller). */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

/**
 * One file of a zip archive (a .docx is one), read synchronously: the central directory gives the
 * entry's offset, sizes and method (stored or deflated). Undefined when the archive has no such
 * entry; throws when the bytes are not a zip archive.
 */
export function zipEntry(zip: Buffer, name: string): Buffer | undefined {
  const end = endOfCentralDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('The zip central directory is damaged.');
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const entryName = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (entryName !== name) continue;
    if (size > MAX_ENTRY_BYTES) throw new Error(`${name} is too large to read.`);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error('The zip local header is damaged.');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressed);
    if (method === 0) return Buffer.from(data);
    if (method === 8) return inflateRawSync(data, { maxOutputLength: MAX_ENTRY_BYTES });
    throw new Error(`${name} uses a zip compression method (${method}) that is not supported.`);
  }
  return undefined;
}

function endOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === 0x06054b50) return at;
  }
  throw new Error('Not a zip archive.');
}
