import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const serverCli = fileURLToPath(new URL('../../server/src/cli.ts', import.meta.url));

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  return port;
}

/** The reference server as its own process on loopback, with an in-memory database; `env` adds settings. */
export async function startLiveServer(env: Record<string, string> = {}): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', '--conditions=doorstep-source', serverCli], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DOORSTEP_DATA_DIR: 'memory://', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  // Generous: on a busy two-core machine (CI running browser tests beside this) a cold start takes long.
  const STARTUP_MS = 120_000;
  const deadline = Date.now() + STARTUP_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      // Stop it, or the test process would wait for it forever.
      child.kill('SIGTERM');
      throw new Error(`server did not start in ${STARTUP_MS / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

/** What the proxy does to the next request that reaches it. */
export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  /** Forward the request, let the server act on it, then cut the connection before the answer. */
  | { kind: 'lose-answer' };

export interface Passed {
  method: string;
  path: string;
  idempotencyKey: string | null;
  status: number | 'lost';
  replayed: string | null;
}

/** A loopback proxy in front of the server that injects faults and records what passed. */
export async function startFaultyProxy(target: string) {
  const faults: Fault[] = [];
  const passed: Passed[] = [];
  const proxy = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const fault = faults.shift();
    const record: Passed = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      idempotencyKey: (req.headers['idempotency-key'] as string | undefined) ?? null,
      status: 'lost',
      replayed: null,
    };
    passed.push(record);
    if (fault?.kind === 'status') {
      record.status = fault.status;
      res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
      res.end(JSON.stringify({ error: { code: 'unavailable', message: 'injected' } }));
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && name !== 'host' && name !== 'connection') headers.set(name, value);
    }
    const answer = await fetch(`${target}${req.url}`, {
      method: req.method ?? 'GET',
      headers,
      ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
    });
    const body = Buffer.from(await answer.arrayBuffer());
    if (fault?.kind === 'lose-answer') {
      req.socket.destroy();
      return;
    }
    record.status = answer.status;
    record.replayed = answer.headers.get('idempotent-replayed');
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(body);
  });
  proxy.listen(0, '127.0.0.1');
  await once(proxy, 'listening');
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    faults,
    passed,
    async stop() {
      proxy.closeAllConnections();
      proxy.close();
    },
  };
}
