#!/usr/bin/env node
// Draws Closer's icon (two rings leaning together on a warm rounded square) at the sizes the
// manifest needs. Rendered by hand with 4×4 supersampling so no image tool is needed; the
// output is committed under public/icon/. Run again after changing the drawing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const ACCENT = [180, 73, 42];
const CREAM = [251, 247, 242];

/** Colour and coverage of one point in the unit square (0..1). */
function paint(x, y) {
  const r = 0.22; // corner radius of the square
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  if (dx * dx + dy * dy > r * r) return null;
  const ring = (cx, cy) => Math.abs(Math.hypot(x - cx, y - cy) - 0.2) < 0.055;
  return ring(0.38, 0.5) || ring(0.62, 0.5) ? CREAM : ACCENT;
}

function png(size) {
  const S = 4;
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      let [R, G, B, A] = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const c = paint((px + (sx + 0.5) / S) / size, (py + (sy + 0.5) / S) / size);
          if (c) [R, G, B, A] = [R + c[0], G + c[1], B + c[2], A + 1];
        }
      const o = 1 + px * 4;
      if (A) [row[o], row[o + 1], row[o + 2]] = [R / A, G / A, B / A].map(Math.round);
      row[o + 3] = Math.round((A / (S * S)) * 255);
    }
    rows.push(row);
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icon/${size}.png`, png(size));
console.log('public/icon/{16,32,48,128}.png written');
