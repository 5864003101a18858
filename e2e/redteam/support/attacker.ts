/**
 * The "attacker": a plain TCP listener on the loopback address the cases point hijacked output at
 * (127.0.0.2:8099). It records EVERY connection, whatever the protocol: an http:// request is read and
 * answered 404, an https:// attempt shows up as a TLS ClientHello (with its SNI when there is one) and is
 * closed, a bare connect (preconnect) is recorded too. Any record at all is a leak.
 */
import { createServer, type Server, type Socket } from 'node:net';

export const ATTACKER_HOST = '127.0.0.2';
export const ATTACKER_PORT = 8099;

export interface AttackerHit {
  at: number;
  remote: string;
  kind: 'http' | 'tls' | 'connect-only' | 'other';
  /** http: the request line and Host; tls: the SNI; other: the first bytes, printable. */
  summary: string;
  /** The first bytes received, as latin1 text (enough to search for the canary). */
  head: string;
}

export interface Attacker {
  readonly host: string;
  readonly port: number;
  readonly origin: string;
  readonly hits: AttackerHit[];
  reset(): void;
  close(): Promise<void>;
}

export async function startAttacker(host = ATTACKER_HOST, port = ATTACKER_PORT): Promise<Attacker> {
  const hits: AttackerHit[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const hit: AttackerHit = {
      at: Date.now(),
      remote: `${socket.remoteAddress}:${socket.remotePort}`,
      kind: 'connect-only',
      summary: '',
      head: '',
    };
    hits.push(hit);
    let buffer = Buffer.alloc(0);
    socket.setTimeout(5_000, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]).subarray(0, 16 * 1024);
      hit.head = buffer.toString('latin1');
      if (buffer[0] === 0x16) {
        hit.kind = 'tls';
        hit.summary = `TLS ClientHello${sniOf(buffer) ? ` SNI=${sniOf(buffer)}` : ''}`;
        socket.destroy();
        return;
      }
      const text = buffer.toString('latin1');
      if (/^[A-Z]+ \S+ HTTP\/\d/.test(text)) {
        hit.kind = 'http';
        const requestLine = text.split('\r\n', 1)[0] ?? '';
        const host = /\r\nhost:\s*([^\r\n]*)/i.exec(text)?.[1] ?? '';
        hit.summary = `${requestLine} (Host: ${host})`;
        if (text.includes('\r\n\r\n') && !socket.destroyed) {
          socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
        }
        return;
      }
      hit.kind = 'other';
      hit.summary = JSON.stringify(text.slice(0, 80));
    });
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          `red-team attacker listener could not bind ${host}:${port} (${error.code ?? error.message}). ` +
            'The cases point leaks at this address; free it (another red-team run?) and retry.',
        ),
      ),
    );
    server.listen(port, host, () => resolvePromise());
  });
  return {
    host,
    port,
    origin: `http://${host}:${port}`,
    hits,
    reset() {
      hits.length = 0;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolvePromise) => server.close(() => resolvePromise()));
    },
  };
}

/** The server_name of a TLS ClientHello, when the first record holds one. */
function sniOf(data: Buffer): string | null {
  try {
    let offset = 5 + 4 + 2 + 32; // record header, handshake header, version, random
    const sessionLength = data.readUInt8(offset);
    offset += 1 + sessionLength;
    const cipherLength = data.readUInt16BE(offset);
    offset += 2 + cipherLength;
    const compressionLength = data.readUInt8(offset);
    offset += 1 + compressionLength;
    const extensionsEnd = offset + 2 + data.readUInt16BE(offset);
    offset += 2;
    while (offset + 4 <= extensionsEnd) {
      const type = data.readUInt16BE(offset);
      const length = data.readUInt16BE(offset + 2);
      if (type === 0) return data.subarray(offset + 9, offset + 4 + length).toString('latin1');
      offset += 4 + length;
    }
  } catch {
    // Truncated or not a ClientHello.
  }
  return null;
}
