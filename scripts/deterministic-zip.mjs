/**
 * A zip writer whose output depends only on the files' paths and bytes: entries sorted by path, every
 * timestamp 1980-01-01 00:00 (the zip format's epoch), fixed permissions, no extra fields, no directory
 * entries, raw deflate at level 9 (stored when deflate does not help). Packaging the same build twice
 * therefore gives the same bytes, which is what lets a store reviewer (AMO asks for the source) check a
 * rebuild against the upload. General-purpose zippers (and `web-ext build`) record mtimes instead.
 *
 * Plain zip, no zip64: the stores cap uploads far below 4 GiB; limits are checked, not assumed.
 */
import { deflateRawSync } from 'node:zlib';

const LOCAL_FILE_HEADER = 0x04034b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const VERSION_NEEDED = 20; // 2.0: deflate
const VERSION_MADE_BY = (3 << 8) | VERSION_NEEDED; // 3 = Unix, so the permissions below are honoured
const FILE_PERMISSIONS = (0o100644 << 16) >>> 0; // regular file, rw-r--r--
const UTF8_NAMES = 0x0800;
const DOS_TIME = 0; // 00:00:00
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const STORED = 0;
const DEFLATED = 8;
const MAX_32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE), as zip stores it; node:zlib's crc32 only exists from Node 20.15. */
export function crc32(bytes) {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Code-unit order of the path, which for the ASCII names of a build is byte order: stable everywhere. */
function byPath(a, b) {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * @param {{ path: string, data: Uint8Array }[]} files  paths relative to the archive root, '/'-separated
 * @returns {Buffer} the whole archive
 */
export function createZip(files) {
  if (files.length > MAX_ENTRIES) throw new Error(`zip: ${files.length} files is more than plain zip holds`);
  const sorted = [...files].sort(byPath);
  const seen = new Set();
  const chunks = [];
  const central = [];
  let offset = 0;

  for (const file of sorted) {
    if (!file.path || file.path.startsWith('/') || file.path.includes('\\') || file.path.split('/').includes('..')) {
      throw new Error(`zip: unsafe entry name ${JSON.stringify(file.path)}`);
    }
    if (seen.has(file.path)) throw new Error(`zip: duplicate entry ${file.path}`);
    seen.add(file.path);

    const name = Buffer.from(file.path, 'utf8');
    const data = Buffer.from(file.data);
    const deflated = deflateRawSync(data, { level: 9 });
    const method = deflated.length < data.length ? DEFLATED : STORED;
    const body = method === DEFLATED ? deflated : data;
    const flags = /^[\x20-\x7e]*$/.test(file.path) ? 0 : UTF8_NAMES;
    const crc = crc32(data);
    if (data.length > MAX_32 || offset > MAX_32) throw new Error(`zip: ${file.path} needs zip64`);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_FILE_HEADER, 0);
    local.writeUInt16LE(VERSION_NEEDED, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // no extra field: it is where zippers put timestamps and uid/gid
    chunks.push(local, name, body);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL_DIRECTORY_HEADER, 0);
    header.writeUInt16LE(VERSION_MADE_BY, 4);
    header.writeUInt16LE(VERSION_NEEDED, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt16LE(DOS_TIME, 12);
    header.writeUInt16LE(DOS_DATE, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(body.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk number, internal attributes: all 0 (bytes 30-37)
    header.writeUInt32LE(FILE_PERMISSIONS, 38);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);

    offset += local.length + name.length + body.length;
  }

  const centralSize = central.reduce((sum, chunk) => sum + chunk.length, 0);
  if (offset > MAX_32 || centralSize > MAX_32) throw new Error('zip: archive needs zip64');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
