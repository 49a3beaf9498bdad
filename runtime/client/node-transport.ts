// The node:http(s) transport, the default on Node: a keep-alive agent, and the
// one transport that can prove a request never left this host. node:http
// tells when a socket connected (for https, when its TLS session was up); a
// request that failed before that sent no byte, so the client may retry it.
//
// Bun, Deno and Cloudflare's nodejs_compat implement node:http over fetch, so
// their socket events prove nothing: there this transport reports every
// failure as possibly sent (provesUnsent false), and the package's entry for
// those runtimes defaults to the fetch transport anyway.
import http from 'node:http';
import https from 'node:https';
import { TopAbortError, type TopClientError, TopDecodeError, TopNetworkError, TopTimeoutError } from './errors.ts';
import type { Transport, TransportAnswer, TransportRequest } from './transport.ts';

/** What an http.Agent is to this transport (typed without @types/node, so consumers need none). */
export interface NodeAgentLike {
  destroy(): void;
}

export interface NodeHttpTransportOptions {
  /** An http.Agent or https.Agent to use for every request; default one keep-alive agent per protocol, made here. */
  agent?: NodeAgentLike;
}

/** True on Node itself, false on runtimes that emulate node:http. */
export function isNodeItself(): boolean {
  const g = globalThis as { process?: { release?: { name?: string }; versions?: Record<string, string | undefined> }; Deno?: unknown; Bun?: unknown; navigator?: { userAgent?: string } };
  return g.process?.release?.name === 'node' && !g.process.versions?.bun && !g.process.versions?.deno && g.Deno === undefined && g.Bun === undefined && g.navigator?.userAgent !== 'Cloudflare-Workers';
}

const AGENT_OPTIONS = { keepAlive: true, maxSockets: 64, keepAliveMsecs: 1000, timeout: 60_000 };

export function nodeHttpTransport(options: NodeHttpTransportOptions = {}): Transport {
  const agents = new Map<string, http.Agent>();
  const agentFor = (protocol: string): http.Agent => {
    if (options.agent) return options.agent as http.Agent;
    let agent = agents.get(protocol);
    if (!agent) {
      agent = protocol === 'https:' ? new https.Agent(AGENT_OPTIONS) : new http.Agent(AGENT_OPTIONS);
      agents.set(protocol, agent);
    }
    return agent;
  };
  const provesUnsent = isNodeItself();
  // The gateway's URL is parsed once: every call of a client shares it, and only the query differs.
  const targets = new Map<string, Target>();
  const targetOf = (url: string): Target => {
    const q = url.indexOf('?');
    const base = q === -1 ? url : url.slice(0, q);
    let target = targets.get(base);
    if (!target) {
      const parsed = new URL(url);
      target = { protocol: parsed.protocol, hostname: parsed.hostname, port: parsed.port, pathname: parsed.pathname };
      if (targets.size < 16) targets.set(base, target);
    }
    return target;
  };
  return {
    name: 'node:http',
    provesUnsent,
    send: (request) => exchange(request, targetOf(request.url), agentFor, provesUnsent),
    close() {
      options.agent?.destroy();
      for (const agent of agents.values()) agent.destroy();
      agents.clear();
    },
  };
}

/** Where a request goes: the parts of the gateway URL node:http needs. */
interface Target {
  protocol: string;
  hostname: string;
  port: string;
  pathname: string;
}

function exchange(x: TransportRequest, url: Target, agentFor: (protocol: string) => http.Agent, provesUnsent: boolean): Promise<TransportAnswer> {
  return new Promise<TransportAnswer>((resolve, reject) => {
    if (x.signal?.aborted) {
      reject(new TopAbortError(x.method, x.signal.reason));
      return;
    }
    const q = x.url.indexOf('?');
    const search = q === -1 ? '' : x.url.slice(q);
    const secure = url.protocol === 'https:';
    const lib = secure ? https : http;
    // A string body goes out as it is: node:http writes it with the headers in
    // one write (a Buffer costs a conversion and a second chunk).
    const payload = x.body;
    const payloadBytes = typeof payload === 'string' ? Buffer.byteLength(payload, 'utf8') : payload.length;
    let settled = false;
    // Bytes can only have reached the gateway once a connection (and for
    // https, its TLS session) was up.
    let connected = false;
    let failure: TopClientError | undefined;

    const req = lib.request({
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port || undefined,
      path: `${url.pathname}${search}`,
      method: 'POST',
      agent: agentFor(url.protocol),
      headers: { ...x.headers, 'content-length': payloadBytes },
    });

    const finish = (error: TopClientError | undefined, answer?: TransportAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      x.signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve(answer!);
    };
    const fail = (error: TopClientError) => {
      failure ??= error;
      req.destroy();
      finish(failure);
    };
    const onAbort = () => fail(new TopAbortError(x.method, x.signal?.reason));
    const timer = setTimeout(() => fail(new TopTimeoutError(x.method, x.timeoutMs)), x.timeoutMs);
    x.signal?.addEventListener('abort', onAbort, { once: true });

    req.on('socket', (socket) => {
      const up = () => {
        connected = true;
      };
      if (!(socket as { connecting?: boolean }).connecting) up();
      else socket.once(secure ? 'secureConnect' : 'connect', up);
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      finish(failure ?? new TopNetworkError(x.method, connected || !provesUnsent, error.code, { cause: error }));
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > x.maxResponseBytes) {
          fail(new TopDecodeError(x.method, `answer larger than ${x.maxResponseBytes} bytes`, res.statusCode ?? 0, ''));
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', (error: NodeJS.ErrnoException) => finish(failure ?? new TopNetworkError(x.method, true, error.code, { cause: error })));
      res.on('end', () => {
        finish(undefined, {
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'],
          body: chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'),
        });
      });
    });
    req.end(payload);
  });
}
