/**
 * A reproducible zip writer (R42: the same commit gives byte-for-byte the same package). Everything that
 * usually makes two zips of the same files differ is fixed here: entries are sorted by path, every entry
 * carries the same timestamp (1980-01-01 00:00, the earliest a zip can say), no extra fields (no Unix
 * mtimes/uids), no external attributes, no comment; the deflate level is fixed. Directories are implied by
 * the paths, as both stores accept. Format: PKWARE APPNOTE 6.3.x, sections 4.3.7 (local header), 4.3.12
 * (central directory) and 4.3.16 (end of central directory); no zip64 (an extension package is far below
 * 4 GiB and 65,535 files).
 */
import {crc32, deflateRawSync} from 'node:zlib';

export type ZipEntry = {path: string; data: Uint8Array};

/** DOS date for 1980-01-01: ((1980 - 1980) << 9) | (1 << 5) | 1. Time 00:00:00 is 0. */
const DOS_DATE = (1 << 5) | 1;
const DOS_TIME = 0;
/** "Version needed to extract": 2.0, for deflate. Also used as "version made by" (host 0, MS-DOS: no Unix modes). */
const VERSION = 20;
/** General purpose flag bit 11: file names are UTF-8. */
const UTF8_FLAG = 1 << 11;

export function zip(entries: readonly ZipEntry[]): Buffer {
	const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	for (let index = 1; index < sorted.length; index++) {
		if (sorted[index]?.path === sorted[index - 1]?.path) throw new Error(`zip: duplicate entry ${sorted[index]?.path}`);
	}

	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const entry of sorted) {
		if (entry.path.startsWith('/') || entry.path.includes('\\') || entry.path.split('/').includes('..')) {
			throw new Error(`zip: unsafe entry path ${entry.path}`);
		}

		const name = Buffer.from(entry.path, 'utf8');
		const deflated = deflateRawSync(entry.data, {level: 9});
		// Store instead of deflate when deflate does not help (e.g. PNGs), as zip tools do.
		const stored = deflated.length >= entry.data.length;
		const body = stored ? Buffer.from(entry.data) : deflated;
		const method = stored ? 0 : 8;
		const checksum = crc32(entry.data);

		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(VERSION, 4);
		local.writeUInt16LE(UTF8_FLAG, 6);
		local.writeUInt16LE(method, 8);
		local.writeUInt16LE(DOS_TIME, 10);
		local.writeUInt16LE(DOS_DATE, 12);
		local.writeUInt32LE(checksum, 14);
		local.writeUInt32LE(body.length, 18);
		local.writeUInt32LE(entry.data.length, 22);
		local.writeUInt16LE(name.length, 26);
		local.writeUInt16LE(0, 28);
		locals.push(local, name, body);

		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(VERSION, 4);
		central.writeUInt16LE(VERSION, 6);
		central.writeUInt16LE(UTF8_FLAG, 8);
		central.writeUInt16LE(method, 10);
		central.writeUInt16LE(DOS_TIME, 12);
		central.writeUInt16LE(DOS_DATE, 14);
		central.writeUInt32LE(checksum, 16);
		central.writeUInt32LE(body.length, 20);
		central.writeUInt32LE(entry.data.length, 24);
		central.writeUInt16LE(name.length, 28);
		// Extra length, comment length, disk number, internal attributes, external attributes: all 0.
		central.writeUInt32LE(offset, 42);
		centrals.push(central, name);

		offset += local.length + name.length + body.length;
	}

	const centralDirectory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(sorted.length, 8);
	end.writeUInt16LE(sorted.length, 10);
	end.writeUInt32LE(centralDirectory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, centralDirectory, end]);
}
