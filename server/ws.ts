/**
 * The wake-up socket (executor-protocol.md §4): `GET /v1/executor/ws` with
 * the token as subprotocol `bearer.<token>`; `{"type":"wake"}` goes to an
 * executor's sockets the moment an action is queued for it, on whichever
 * replica queued it (events carry it across replicas).
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Deps } from './domain/deps';
import { executorForToken } from './http/executor-routes';

export const WS_PATH = '/v1/executor/ws';
const WAKE = JSON.stringify({ type: 'wake' });

function reject(socket: Duplex, status: number, reason: string, code: string): void {
  const body = JSON.stringify({ error: { code, message: reason } });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  socket.destroy();
}

export function attachWakeSocket(server: Server, deps: Deps): { close(): Promise<void>; readonly open: number } {
  const byExecutor = new Map<string, Set<WebSocket>>();
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => [...protocols].find((p) => p.startsWith('bearer.')) ?? false,
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0];
      if (path !== WS_PATH) return reject(socket, 404, 'Not Found', 'not_found');
      const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
      const token = offered.find((p) => p.startsWith('bearer.'))?.slice('bearer.'.length);
      const executor = await executorForToken(deps, token);
      if (!executor) return reject(socket, 401, 'Unauthorized', 'unauthorized');
      wss.handleUpgrade(req, socket, head, (ws) => {
        let set = byExecutor.get(executor.id);
        if (!set) {
          set = new Set();
          byExecutor.set(executor.id, set);
        }
        set.add(ws);
        ws.on('close', () => set.delete(ws));
        // Pings are the client's keep-alive; nothing to answer.
        ws.on('message', () => undefined);
        ws.on('error', () => ws.terminate());
      });
    })().catch(() => reject(socket, 500, 'Internal Server Error', 'internal'));
  });

  const stop = deps.events.onQueued((executorId) => {
    for (const ws of byExecutor.get(executorId) ?? []) if (ws.readyState === ws.OPEN) ws.send(WAKE);
  });

  return {
    get open() {
      return wss.clients.size;
    },
    async close() {
      stop();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
