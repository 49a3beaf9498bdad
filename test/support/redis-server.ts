// A redis-server on loopback that a test can crash (SIGKILL) and start again
// on the same port and data directory, with or without AOF, and clients of
// both kinds (ioredis and the official `redis`) with the options the README
// recommends.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import type { RedisLike } from '../../generated/server/src/index.ts';
import { freePort } from './servers.ts';

export interface RestartableRedis {
  port: number;
  /** Crashes it (SIGKILL): what is not on disk is gone. */
  kill: () => Promise<void>;
  /** Starts it again on the same port and directory. */
  start: () => Promise<void>;
  /** The running server's process id (to pause it with SIGSTOP), if it runs. */
  pid: () => number | undefined;
  /** Stops it and removes its directory. */
  dispose: () => Promise<void>;
}

export async function startRestartableRedis(options: { aof: boolean }): Promise<RestartableRedis> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'h11s-redis-'));
  let child: ChildProcess | undefined;
  const start = async () => {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', options.aof ? 'yes' : 'no', '--appendfsync', 'always'];
    const c = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = c;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`redis-server not ready: ${output}`)), 15_000);
      c.stdout!.on('data', (chunk: Buffer) => {
        output += chunk;
        if (/Ready to accept connections/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      });
      c.on('error', (e) => reject(new Error(`redis-server could not start (scripts/ensure-system-deps.sh installs it): ${e.message}`)));
      c.on('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
    });
  };
  const kill = () =>
    new Promise<void>((resolve) => {
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return resolve();
      c.once('exit', () => resolve());
      c.kill('SIGKILL');
    });
  await start();
  return {
    port,
    kill,
    start,
    pid: () => (child && child.exitCode === null && child.signalCode === null ? child.pid : undefined),
    dispose: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type ClientKind = 'ioredis' | 'redis';

/** A connected client of either kind, with the options the README recommends, and how to close it. */
/** `awaitConnect: false`: the client is returned while it still connects (a gateway that starts listening at once). */
export async function connectClient(kind: ClientKind, port: number, recommended = true, awaitConnect = true): Promise<{ client: RedisLike; close: () => Promise<void> }> {
  if (kind === 'ioredis') {
    const client = new Redis(recommended ? { port, host: '127.0.0.1', enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true } : { port, host: '127.0.0.1', lazyConnect: true });
    client.on('error', () => {}); // reconnection noise while a test has Redis down
    const connecting = client.connect();
    if (awaitConnect) await connecting;
    else void connecting.catch(() => {});
    return { client, close: async () => client.disconnect() };
  }
  const client = createClient(
    recommended ? { socket: { host: '127.0.0.1', port, reconnectStrategy: (n: number) => Math.min(n * 50, 500) }, disableOfflineQueue: true } : { socket: { host: '127.0.0.1', port } },
  );
  client.on('error', () => {});
  const connecting = client.connect();
  if (awaitConnect) await connecting;
  else void connecting.catch(() => {});
  return {
    client: client as unknown as RedisLike,
    close: async () => {
      client.destroy();
    },
  };
}
