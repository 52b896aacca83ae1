// Draws the toolbar icon (three book spines on a shelf) as PNGs in public/icon/, with no image library.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => bytes.reduce((c, b) => CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8), 0xffffffff) ^ 0xffffffff;

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body) >>> 0, 8 + data.length);
  return out;
}

function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) Buffer.from(pixel(x / size, y / size)).copy(row, 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const SPINES = [
  { x0: 0.16, x1: 0.34, top: 0.18, color: [255, 157, 0, 255] },
  { x0: 0.4, x1: 0.58, top: 0.3, color: [255, 210, 80, 255] },
  { x0: 0.64, x1: 0.84, top: 0.12, color: [232, 110, 30, 255] },
];

function pixel(x, y) {
  if (y > 0.8 && y < 0.9 && x > 0.08 && x < 0.92) return [90, 60, 30, 255];
  for (const spine of SPINES) if (x >= spine.x0 && x < spine.x1 && y >= spine.top && y <= 0.8) return spine.color;
  return [0, 0, 0, 0];
}

for (const size of [16, 32, 48, 128]) writeFileSync(`public/icon/${size}.png`, png(size, pixel));
