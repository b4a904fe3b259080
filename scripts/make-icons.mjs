// Draws Tickler's toolbar/store icons (a white check on a blue rounded square) as PNGs, with no
// image tooling beyond Node. Run `node scripts/make-icons.mjs` after changing the design; the
// outputs in public/icons are committed.
import {writeFileSync} from 'node:fs';
import {deflateSync} from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const BLUE = [1, 118, 211]; // Lightning Design System brand blue #0176d3
const SUPERSAMPLE = 4;

function crc32(buffer) {
	let crc = ~0;
	for (const byte of buffer) {
		crc ^= byte;
		for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
	}
	return ~crc >>> 0;
}

function chunk(type, data) {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
	const t = Math.max(
		0,
		Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
	);
	return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

/** Coverage of one sample point in unit coordinates: 0 outside, 1 = blue, 2 = white check. */
function sample(x, y) {
	const radius = 0.22;
	const cx = Math.min(Math.max(x, radius), 1 - radius);
	const cy = Math.min(Math.max(y, radius), 1 - radius);
	if (Math.hypot(x - cx, y - cy) > radius) return 0;
	const stroke = 0.085;
	const a = [0.27, 0.53];
	const b = [0.44, 0.7];
	const c = [0.75, 0.33];
	return distanceToSegment(x, y, a, b) < stroke || distanceToSegment(x, y, b, c) < stroke ? 2 : 1;
}

function png(size) {
	const rows = [];
	for (let y = 0; y < size; y++) {
		const row = Buffer.alloc(1 + size * 4);
		for (let x = 0; x < size; x++) {
			let blue = 0;
			let white = 0;
			for (let sy = 0; sy < SUPERSAMPLE; sy++) {
				for (let sx = 0; sx < SUPERSAMPLE; sx++) {
					const v = sample((x + (sx + 0.5) / SUPERSAMPLE) / size, (y + (sy + 0.5) / SUPERSAMPLE) / size);
					if (v === 1) blue++;
					if (v === 2) white++;
				}
			}
			const total = SUPERSAMPLE * SUPERSAMPLE;
			const alpha = (blue + white) / total;
			const mix = alpha === 0 ? 0 : white / (blue + white);
			const offset = 1 + x * 4;
			for (let k = 0; k < 3; k++) row[offset + k] = Math.round(BLUE[k] * (1 - mix) + 255 * mix);
			row[offset + 3] = Math.round(alpha * 255);
		}
		rows.push(row);
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.writeUInt8(8, 8); // bit depth
	header.writeUInt8(6, 9); // RGBA
	return Buffer.concat([
		Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(Buffer.concat(rows))),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

for (const size of SIZES) {
	writeFileSync(new URL(`../public/icons/icon-${size}.png`, import.meta.url), png(size));
}
console.log(`wrote ${SIZES.map(s => `icon-${s}.png`).join(', ')}`);
