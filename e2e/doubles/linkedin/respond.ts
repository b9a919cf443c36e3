/** Reading requests and writing answers (no keep-alive; see send()). */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Reply } from './http';
import type { RecordedRequest } from './types';

export const VOYAGER_JSON = 'application/vnd.linkedin.normalized+json+2.1; charset=UTF-8';

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

export function send(res: ServerResponse, record: RecordedRequest, reply: Reply, jsonType: string): void {
  record.status = reply.status;
  if (res.destroyed) return;
  // Never keep a connection alive: Chromium silently resends a request (even a POST) when a
  // *reused* keep-alive socket closes without an answer, which would defeat 'dropAfterApply'.
  const headers: OutgoingHttpHeaders = { ...reply.headers, connection: 'close' };
  let payload = '';
  if (reply.json !== undefined) {
    payload = JSON.stringify(reply.json);
    headers['content-type'] = jsonType;
  } else if (reply.text !== undefined) {
    payload = reply.text;
    headers['content-type'] = reply.type ?? 'text/plain; charset=utf-8';
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/**
 * The write (if valid) was applied; the client never gets a usable answer (status stays 0).
 * The answer is cut off after its headers, not before: a connection closed before any
 * response byte makes Chromium silently resend the request (even a POST) on a fresh
 * connection, which would be the browser's retry, not the executor's.
 */
export function drop(res: ServerResponse, contentType: string): void {
  res.writeHead(200, { 'content-type': contentType, 'content-length': '4096', connection: 'close' });
  res.write(contentType === VOYAGER_JSON ? '{"data":{' : '0:{"');
  setTimeout(() => {
    res.socket?.destroy();
    res.destroy();
  }, 5);
}
