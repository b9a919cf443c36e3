/** A tiny API client of the Outbound API for the demo and the bench: which path and body create an action of a type. */
import type { ActionType } from '../contract/protocol';
import { CREATE_PATHS } from '../server/http/schemas';

/** The request that creates `type` with `params`: `post` goes into the path, the rest into the body. */
export function createRequest(
  type: ActionType,
  params: Record<string, unknown>,
): { path: string; body: Record<string, unknown> } {
  const { post, ...rest } = params;
  const template = CREATE_PATHS[type];
  if (!template.includes('{post}')) return { path: template, body: params };
  return { path: template.replace('{post}', encodeURIComponent(String(post))), body: rest };
}

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export function apiClient(baseUrl: string, key: string) {
  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiAnswer<T>> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as T, headers: res.headers };
  }
  return {
    call,
    create<T>(
      type: ActionType,
      params: Record<string, unknown>,
      headers: Record<string, string> = {},
    ): Promise<ApiAnswer<T>> {
      const { path, body } = createRequest(type, params);
      return call<T>('POST', path, body, headers);
    },
  };
}
