import { crc32, deflateSync } from 'node:zlib';
import type { Logo } from './wordml';

/**
 * A small placeholder logo, drawn here so the templates need no image file: three stepping
 * stones rising to the right, in the templates' teal. A service replaces it in Word (its own
 * logo in the header) and uploads the template to the site's Templates library.
 */
const WIDTH = 96;
const HEIGHT = 48;
const stones: Array<{ x: number; y: number; w: number; h: number; rgb: [number, number, number] }> = [
  { x: 4, y: 30, w: 24, h: 14, rgb: [143, 170, 179] },
  { x: 36, y: 18, w: 24, h: 26, rgb: [74, 124, 139] },
  { x: 68, y: 4, w: 24, h: 40, rgb: [31, 78, 95] },
];
const RADIUS = 5;

function insideRounded(px: number, py: number, s: (typeof stones)[number]): boolean {
  if (px < s.x || px >= s.x + s.w || py < s.y || py >= s.y + s.h) return false;
  const cx = Math.min(Math.max(px, s.x + RADIUS), s.x + s.w - RADIUS - 1);
  const cy = Math.min(Math.max(py, s.y + RADIUS), s.y + s.h - RADIUS - 1);
  return (px - cx) ** 2 + (py - cy) ** 2 <= RADIUS ** 2;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed) >>> 0);
  return Buffer.concat([length, typed, crc]);
}

/** The logo as a PNG (RGBA, transparent background). */
export function logoPng(): Uint8Array {
  const rows: Buffer[] = [];
  for (let y = 0; y < HEIGHT; y++) {
    const line = Buffer.alloc(1 + WIDTH * 4); // filter byte 0: none
    for (let x = 0; x < WIDTH; x++) {
      const stone = stones.find((s) => insideRounded(x, y, s));
      if (stone) line.set([...stone.rgb, 255], 1 + x * 4);
    }
    rows.push(line);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const EMU_PER_CM = 360000;

/** The logo as the header shows it: 1.6 cm by 0.8 cm. */
export const templateLogo = (): Logo => ({ png: logoPng(), widthEmu: 1.6 * EMU_PER_CM, heightEmu: 0.8 * EMU_PER_CM });
