// Draws the extension icon (images/icon.png, 128×128): a lens over a quotation mark, the
// mark left of the lens's centre so it reads as "quoted, but by whom?". Written as a PNG with
// node:zlib so the icon can be regenerated without an image toolchain:
//   node scripts/package-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const BACKGROUND = [23, 42, 74];
const LENS = [240, 244, 250];
const MARK = [245, 166, 35];

// Signed distances (negative inside) of the shapes, in pixels.
const roundedSquare = (x, y) => {
  const half = SIZE / 2, radius = 22;
  const dx = Math.abs(x - half) - (half - radius), dy = Math.abs(y - half) - (half - radius);
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - radius;
};
const ring = (x, y) => Math.abs(Math.hypot(x - 54, y - 54) - 30) - 7;
const segment = (x, y, ax, ay, bx, by, width) => {
  const px = x - ax, py = y - ay, vx = bx - ax, vy = by - ay;
  const t = Math.max(0, Math.min(1, (px * vx + py * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - t * vx, py - t * vy) - width;
};
const handle = (x, y) => segment(x, y, 78, 78, 104, 104, 9);
// Two comma-shaped strokes: a dot with a tail, like a typographic closing quote.
const quote = (x, y) =>
  Math.min(
    ...[40, 60].map((left) => Math.min(Math.hypot(x - left, y - 46) - 7, segment(x, y, left + 4, 48, left - 4, 64, 3))),
  );

const cover = (distance) => Math.max(0, Math.min(1, 0.5 - distance));
const mix = (under, over, alpha) => under.map((channel, i) => channel + (over[i] - channel) * alpha);

const rows = [];
for (let y = 0; y < SIZE; y++) {
  const row = Buffer.alloc(1 + SIZE * 4);
  for (let x = 0; x < SIZE; x++) {
    const cx = x + 0.5, cy = y + 0.5;
    let colour = BACKGROUND;
    colour = mix(colour, MARK, cover(quote(cx, cy)));
    colour = mix(colour, LENS, cover(Math.min(ring(cx, cy), handle(cx, cy))));
    const alpha = cover(roundedSquare(cx, cy));
    row.set([...colour.map(Math.round), Math.round(alpha * 255)], 1 + x * 4);
  }
  rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4), crc = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
  return Buffer.concat([length, Buffer.from(type), data, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
