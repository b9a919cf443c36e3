/**
 * The zod every schema of contract/ and src/ is written with: `zod/mini`, the
 * same core as classic zod but tree-shakable (functions instead of methods),
 * because the service worker loads this code on every wake-up. The server's
 * OpenAPI routes keep classic zod (@hono/zod-openapi); the two nest and share
 * one configuration.
 *
 * zod/mini ships no locale: English is set here so that every message reads as
 * it does under classic zod ("Too big: expected string to have <=64 characters"),
 * in the extension, on the server and in tests alike.
 */
import { en } from 'zod/locales';
import { config } from 'zod/mini';

config(en());

export { z } from 'zod/mini';
