import { encodePng, type RgbaImage } from './png';

/** The app's accent colour (manifest accentColor and the colour icon's background). */
export const accentColor = '#1F6F8B';

type Rgb = readonly [number, number, number];
const white: Rgb = [255, 255, 255];
const accent: Rgb = [0x1f, 0x6f, 0x8b];

/** A shape as a test on a point in a 0..1 square (y down). */
type Shape = (x: number, y: number) => boolean;

// The mark: a ring (the service around the child) with a dot reaching out of it at the upper right.
const ring: Shape = (x, y) => {
  const r = Math.hypot(x - 0.46, y - 0.54);
  return r >= 0.22 && r <= 0.32;
};
const dot: Shape = (x, y) => Math.hypot(x - 0.74, y - 0.26) <= 0.11;
const mark: Shape = (x, y) => ring(x, y) || dot(x, y);

const SAMPLES = 4; // 4x4 samples a pixel: smooth edges

/** Fraction of the pixel (px, py) of a size x size image covered by `shape`, within `inset` of the edge. */
const coverage = (shape: Shape, size: number, px: number, py: number, inset: number): number => {
  let hits = 0;
  for (let sy = 0; sy < SAMPLES; sy += 1) {
    for (let sx = 0; sx < SAMPLES; sx += 1) {
      const u = (px + (sx + 0.5) / SAMPLES) / size;
      const v = (py + (sy + 0.5) / SAMPLES) / size;
      const scaled = (t: number) => (t - inset) / (1 - 2 * inset);
      if (shape(scaled(u), scaled(v))) hits += 1;
    }
  }
  return hits / (SAMPLES * SAMPLES);
};

const draw = (size: number, paint: (cover: number) => readonly [number, number, number, number], inset: number): RgbaImage => {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      pixels.set(paint(coverage(mark, size, x, y, inset)), (y * size + x) * 4);
    }
  }
  return { width: size, height: size, pixels };
};

const blend = (from: Rgb, to: Rgb, t: number) => from.map((c, i) => Math.round(c + ((to[i] ?? c) - c) * t));

/** Full colour icon, 192x192: the white mark on the accent colour, inside Teams' safe area. */
export const colorIcon = (): Buffer => {
  const image = draw(192, (cover) => {
    const [r = 0, g = 0, b = 0] = blend(accent, white, cover);
    return [r, g, b, 255];
  }, 0.16);
  return encodePng(image);
};

/** Outline icon, 32x32: the mark in white on transparent (Teams requires exactly that). */
export const outlineIcon = (): Buffer =>
  encodePng(draw(32, (cover) => [255, 255, 255, Math.round(cover * 255)], 0.04));
