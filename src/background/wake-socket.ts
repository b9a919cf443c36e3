/**
 * Optional low-latency wake-up: WebSocket /v1/executor/ws on the backend's
 * origin, token as subprotocol `bearer.<token>`. Polling works without it;
 * it reconnects with backoff and pings every 20 s while connected.
 */
import { z } from '../../contract/zod';
import { wakeFrameSchema } from '../../contract/protocol';
import { isConfigured, loadSettings, settingsFingerprint } from '../settings/store';
import { SECOND } from '../time';
import { backoffMs } from './backoff';

let socket: WebSocket | null = null;
let socketFor: string | null = null;
let failures = 0;
let ping: ReturnType<typeof setInterval> | undefined;
let retry: ReturnType<typeof setTimeout> | undefined;

export async function startWakeSocket(onWake: () => void): Promise<void> {
  const settings = await loadSettings();
  const fingerprint = isConfigured(settings) ? settingsFingerprint(settings) : null;
  if (socket && socketFor === fingerprint) return;
  socket?.close();
  socket = null;
  clearInterval(ping);
  clearTimeout(retry);
  if (!isConfigured(settings) || !fingerprint) return;
  // The subprotocol token must be a valid HTTP token: no spaces or separators.
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(settings.token)) return;
  const url = new URL('/v1/executor/ws', settings.backendUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  let ws: WebSocket;
  try {
    ws = new WebSocket(url, [`bearer.${settings.token}`]);
  } catch {
    return;
  }
  socket = ws;
  socketFor = fingerprint;
  ws.onopen = () => {
    failures = 0;
    ping = setInterval(() => ws.send(JSON.stringify({ type: 'ping' })), 20 * SECOND);
  };
  ws.onmessage = (event) => {
    const frame = z
      .pipe(
        z.pipe(
          z.string(),
          z.transform((s: string) => JSON.parse(s) as unknown),
        ),
        wakeFrameSchema,
      )
      .safeParse(event.data);
    if (frame.success) onWake();
  };
  ws.onclose = () => {
    clearInterval(ping);
    if (socket !== ws) return;
    socket = null;
    failures++;
    retry = setTimeout(() => void startWakeSocket(onWake), backoffMs(failures));
  };
}
