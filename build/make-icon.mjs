// Draws the app icon (a service bell on a counter, white on blue) and writes
// build/icon.png, 512×512 RGBA. electron-builder makes the Windows .ico and the Linux
// icon sizes from it. Plain Node: a small shape rasteriser and a PNG writer on zlib.
//   node build/make-icon.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const SIZE = 512;
const SUPERSAMPLE = 4;

const inRoundedRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const inEllipse = (x, y, cx, cy, rx, ry) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;

/** White shapes, each with its opacity; drawn over the background in order. */
const shapes = [
  { alpha: 0.6, hit: (x, y) => inRoundedRect(x, y, 124, 362, 388, 420, 10) }, // counter front
  { alpha: 1, hit: (x, y) => inRoundedRect(x, y, 92, 338, 420, 366, 13) }, // counter top
  { alpha: 1, hit: (x, y) => inRoundedRect(x, y, 150, 300, 362, 322, 11) }, // bell base
  { alpha: 1, hit: (x, y) => y <= 304 && inEllipse(x, y, 256, 304, 90, 76) }, // bell dome
  { alpha: 1, hit: (x, y) => inRoundedRect(x, y, 248, 212, 264, 236, 3) }, // plunger
  { alpha: 1, hit: (x, y) => inRoundedRect(x, y, 226, 198, 286, 214, 7) }, // push button
];

function background(y) {
  // Civic blue, a little lighter at the top.
  const t = y / SIZE;
  return [Math.round(47 - 18 * t), Math.round(111 - 32 * t), Math.round(186 - 41 * t)];
}

function pixel(px, py) {
  let r = 0,
    g = 0,
    b = 0,
    a = 0;
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let sy = 0; sy < SUPERSAMPLE; sy++) {
    for (let sx = 0; sx < SUPERSAMPLE; sx++) {
      const x = px + (sx + 0.5) / SUPERSAMPLE;
      const y = py + (sy + 0.5) / SUPERSAMPLE;
      if (!inRoundedRect(x, y, 24, 24, SIZE - 24, SIZE - 24, 100)) continue;
      let [cr, cg, cb] = background(y);
      for (const s of shapes) {
        if (!s.hit(x, y)) continue;
        cr += (255 - cr) * s.alpha;
        cg += (255 - cg) * s.alpha;
        cb += (255 - cb) * s.alpha;
      }
      r += cr;
      g += cg;
      b += cb;
      a += 1;
    }
  }
  // Colour is averaged over the covered samples only, so edges do not darken.
  return a === 0 ? [0, 0, 0, 0] : [r / a, g / a, b / a, (255 * a) / n].map((v) => Math.round(v));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function iconPng() {
  const raw = Buffer.alloc(SIZE * (1 + SIZE * 4));
  for (let y = 0; y < SIZE; y++) {
    const row = y * (1 + SIZE * 4);
    raw[row] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; // bits per channel
  ihdr[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'icon.png');
  fs.writeFileSync(out, iconPng());
  console.log(`wrote ${out}`);
}
