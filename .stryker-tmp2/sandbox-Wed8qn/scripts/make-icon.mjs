// Renders media/icon.png (128x128, the Marketplace icon) without image tooling: a radar with a sweep.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const N = 128;
const px = Buffer.alloc(N * N * 4);
const mix = (a, b, t) => a + (b - a) * t;
for (let y = 0; y < N; y++) {
  for (let x = 0; x < N; x++) {
    const dx = x + 0.5 - N / 2, dy = y + 0.5 - N / 2;
    const r = Math.hypot(dx, dy);
    const i = (y * N + x) * 4;
    if (r > 62) { px[i + 3] = 0; continue; }
    let [R, G, B] = [14, 32, 44];
    const angle = (Math.atan2(dy, dx) + Math.PI * 2 + Math.PI / 4) % (Math.PI * 2);
    const sweep = Math.max(0, 1 - angle / 1.4);
    R = mix(R, 40, sweep * 0.6); G = mix(G, 200, sweep * 0.6); B = mix(B, 140, sweep * 0.6);
    for (const ring of [18, 36, 54]) if (Math.abs(r - ring) < 1.3) { R = 90; G = 220; B = 170; }
    if (Math.abs(dx) < 0.9 || Math.abs(dy) < 0.9) { R = mix(R, 90, 0.5); G = mix(G, 220, 0.5); B = mix(B, 170, 0.5); }
    for (const [bx, by, c] of [[22, -20, [255, 90, 80]], [-26, 14, [80, 160, 255]], [10, 30, [255, 200, 80]]]) {
      if (Math.hypot(dx - bx, dy - by) < 5) [R, G, B] = c;
    }
    const edge = Math.min(1, 62 - r);
    px[i] = R; px[i + 1] = G; px[i + 2] = B; px[i + 3] = Math.round(255 * edge);
  }
}
const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) px.copy(raw, y * (N * 4 + 1) + 1, y * N * 4, (y + 1) * N * 4);
const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => { const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const td = Buffer.concat([Buffer.from(type), data]); const c = Buffer.alloc(4); c.writeUInt32BE(crc(td)); return Buffer.concat([len, td, c]); };
const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(N, 0); ihdr.writeUInt32BE(N, 4); ihdr[8] = 8; ihdr[9] = 6;
writeFileSync('media/icon.png', Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
