/**
 * A fake of the two hosts WebLLM downloads a model from: Hugging Face (mlc-chat-config.json,
 * tensor-cache.json, the tokenizer and the weight shards, under /mlc-ai/<model>/resolve/main/) and
 * GitHub's raw file host (the model library .wasm). One HTTPS server on 127.0.0.1 answers for both;
 * the spec's own Chromium resolves huggingface.co and raw.githubusercontent.com to it
 * (--host-resolver-rules) and accepts its throwaway certificate, so the extension fetches exactly the
 * https URLs a user's browser would and nothing in src/ knows. (Playwright's routing does not reach
 * Chrome's offscreen documents, where the downloads run.)
 *
 * Shards have real sizes and are streamed in pieces with pauses, so download progress is real; a file
 * can be scripted to fail (404, 500), and shards can be held until released.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

export const MODEL_HOSTNAME = 'huggingface.co';
export const LIBRARY_HOSTNAME = 'raw.githubusercontent.com';

export interface FakeModel {
  /** The model's id in web-llm's prebuilt list; served under /mlc-ai/<model>/resolve/main/. */
  model: string;
  /** The record's model_lib URL (on raw.githubusercontent.com). */
  modelLib: string;
}

export interface FakeModelOptions {
  models: FakeModel[];
  /** Shards per model, each of `shardSize` bytes. */
  shards: number;
  shardSize: number;
  /** Pause between the pieces of a shard (each piece is a quarter of it). */
  pieceDelayMs: number;
}

export interface FakeModelFiles {
  readonly port: number;
  /** Chromium switches that send both hosts here and accept the throwaway certificate. */
  readonly chromiumArgs: string[];
  /** Paths requested so far, in order (failed ones included). */
  readonly requested: string[];
  /** The next request whose path ends with `file` is answered with `status` instead (once). */
  failNext(file: string, status: number): void;
  /** Shard requests wait until `release()` is called. */
  holdShards(): { release(): void };
  close(): Promise<void>;
}

/** A self-signed certificate for the two hostnames, made with openssl, valid for a day. */
function throwawayCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'aside-webllm-cert-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
      '-subj', `/CN=${MODEL_HOSTNAME}`,
      '-addext', `subjectAltName=DNS:${MODEL_HOSTNAME},DNS:${LIBRARY_HOSTNAME}`,
    ], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startFakeModelFiles(options: FakeModelOptions): Promise<FakeModelFiles> {
  const requested: string[] = [];
  const failures = new Map<string, number>();
  let hold: Promise<void> | undefined;
  const shardNames = Array.from({ length: options.shards }, (_, index) => `params_shard_${index}.bin`);
  const files = new Map<string, { body: Buffer; type: string }>();
  for (const { model, modelLib } of options.models) {
    const base = `/mlc-ai/${model}/resolve/main/`;
    files.set(`${base}mlc-chat-config.json`, {
      type: 'application/json',
      body: Buffer.from(JSON.stringify({ model_type: 'llama', tokenizer_files: ['tokenizer.json'], context_window_size: 4096, conv_template: { name: 'llama-3_1' } })),
    });
    files.set(`${base}tensor-cache.json`, {
      type: 'application/json',
      body: Buffer.from(
        JSON.stringify({
          metadata: { ParamSize: options.shards, ParamBytes: options.shards * options.shardSize, BitsPerParam: 4 },
          records: shardNames.map((dataPath) => ({ dataPath, format: 'raw-shard', nbytes: options.shardSize, records: [] })),
        }),
      ),
    });
    files.set(`${base}tokenizer.json`, { type: 'application/json', body: Buffer.from(JSON.stringify({ version: '1.0', model: { type: 'BPE', vocab: {}, merges: [] } })) });
    // The header of a WebAssembly module and padding: a library is only data until instantiated.
    files.set(new URL(modelLib).pathname, { type: 'application/wasm', body: Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.alloc(64 * 1024)]) });
    for (const [index, name] of shardNames.entries()) files.set(`${base}${name}`, { type: 'application/octet-stream', body: Buffer.alloc(options.shardSize, index + 1) });
  }

  const server: Server = createServer(throwawayCertificate(), (request, response) => {
    void (async () => {
      const path = new URL(request.url ?? '/', 'https://fake.invalid').pathname;
      requested.push(path);
      const headers = { 'Access-Control-Allow-Origin': '*' };
      if (request.method === 'OPTIONS') {
        response.writeHead(204, { ...headers, 'Access-Control-Allow-Headers': '*' }).end();
        return;
      }
      const failing = [...failures.keys()].find((file) => path.endsWith(file));
      if (failing !== undefined) {
        const status = failures.get(failing) ?? 500;
        failures.delete(failing);
        response.writeHead(status, { ...headers, 'Content-Type': 'text/plain' }).end(status === 404 ? 'Entry not found' : 'Internal Error');
        return;
      }
      const file = files.get(path);
      if (!file) {
        response.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('Entry not found');
        return;
      }
      const isShard = path.endsWith('.bin');
      if (isShard && hold) await hold;
      response.writeHead(200, { ...headers, 'Content-Type': file.type, 'Content-Length': String(file.body.length) });
      if (!isShard) {
        response.end(file.body);
        return;
      }
      const piece = Math.ceil(file.body.length / 4);
      for (let offset = 0; offset < file.body.length; offset += piece) {
        if (response.destroyed) return;
        response.write(file.body.subarray(offset, offset + piece));
        await delay(options.pieceDelayMs);
      }
      response.end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    port,
    chromiumArgs: [
      `--host-resolver-rules=MAP ${MODEL_HOSTNAME} 127.0.0.1:${port},MAP ${LIBRARY_HOSTNAME} 127.0.0.1:${port}`,
      '--ignore-certificate-errors',
    ],
    requested,
    failNext(file, status) {
      failures.set(file, status);
    },
    holdShards() {
      let release: () => void = () => undefined;
      hold = new Promise<void>((resolve) => (release = resolve));
      return {
        release() {
          hold = undefined;
          release();
        },
      };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
