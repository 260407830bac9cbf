import { inflateSync } from 'node:zlib';

/** Reads back the PNGs the packager writes (8-bit RGBA, filter 0), to check sizes and colours. */
export function readRgbaPng(file: Buffer): { width: number; height: number; pixels: Buffer } {
  if (!file.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error('not a PNG');
  let offset = 8;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('ascii', offset + 4, offset + 8);
    const body = file.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  if (!header) throw new Error('PNG without IHDR');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  if (header[8] !== 8 || header[9] !== 6) throw new Error(`expected 8-bit RGBA, got depth ${header[8]} colour type ${header[9]}`);
  const raw = inflateSync(Buffer.concat(data));
  const rowBytes = width * 4;
  const pixels = Buffer.alloc(rowBytes * height);
  for (let y = 0; y < height; y += 1) {
    if (raw[y * (rowBytes + 1)] !== 0) throw new Error(`row ${y} uses a PNG filter this reader does not undo`);
    raw.copy(pixels, y * rowBytes, y * (rowBytes + 1) + 1, (y + 1) * (rowBytes + 1));
  }
  return { width, height, pixels };
}
