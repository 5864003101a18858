/**
 * A listener on another loopback address, standing in for an attacker's server: specs assert that nothing
 * (an image, a link preview, a script) reaches it unless the user explicitly opened a link to it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from './extension';

export class AttackerServer {
  /** Paths requested, in order. */
  readonly hits: string[] = [];
  origin = '';
  private server: Server | null = null;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.hits.push(request.url ?? '');
      response.writeHead(200, { 'Content-Type': 'text/plain' }).end('attacker');
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.2', resolve));
    this.origin = `http://127.0.0.2:${(this.server.address() as AddressInfo).port}`;
  }

  reset(): void {
    this.hits.length = 0;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    // A tab the user opened may hold a keep-alive connection: close it rather than wait for it.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

/** One attacker for the whole spec file, started before its tests and closed after them. */
export function attackerForThisFile(): AttackerServer {
  const attacker = new AttackerServer();
  test.beforeAll(() => attacker.start());
  test.afterAll(() => attacker.close());
  return attacker;
}
