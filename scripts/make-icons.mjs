// Draws the toolbar icons (a lens over a warning-red tile) at 16, 32, 48 and 128 px into
// public/icon/. Pure Node: an anti-aliased signed-distance rasteriser and a PNG encoder.
// Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const TILE = [176, 32, 38]; // deep red
const INK = [255, 255, 255];

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Signed distances in a unit square (0..1).
const roundedSquare = (x, y, r) => {
  const qx = Math.abs(x - 0.5) - (0.5 - r);
  const qy = Math.abs(y - 0.5) - (0.5 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const ring = (x, y, cx, cy, radius, width) => Math.abs(Math.hypot(x - cx, y - cy) - radius) - width / 2;
const segment = (x, y, ax, ay, bx, by, width) => {
  const px = x - ax, py = y - ay, dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - t * dx, py - t * dy) - width / 2;
};

function draw(size) {
  const pixels = Buffer.alloc(size * size * 4);
  // Thicker strokes at small sizes so the lens stays readable at 16 px.
  const stroke = size <= 16 ? 0.16 : size <= 32 ? 0.13 : 0.11;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let alpha = 0, r = 0, g = 0, b = 0;
      const samples = 4;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (roundedSquare(x, y, 0.2) > 0) continue;
          const lens = Math.min(
            ring(x, y, 0.43, 0.43, 0.2, stroke),
            segment(x, y, 0.58, 0.58, 0.8, 0.8, stroke * 1.25),
          );
          const color = lens <= 0 ? INK : TILE;
          r += color[0]; g += color[1]; b += color[2]; alpha += 1;
        }
      }
      const n = samples * samples;
      const i = (py * size + px) * 4;
      if (alpha) {
        pixels[i] = Math.round(r / alpha);
        pixels[i + 1] = Math.round(g / alpha);
        pixels[i + 2] = Math.round(b / alpha);
      }
      pixels[i + 3] = Math.round((alpha / n) * 255);
    }
  }
  return png(size, pixels);
}

const outDir = new URL('../public/icon/', import.meta.url);
mkdirSync(outDir, { recursive: true });
for (const size of [16, 32, 48, 128]) {
  writeFileSync(new URL(`${size}.png`, outDir), draw(size));
}
console.log('icons written to public/icon/');
