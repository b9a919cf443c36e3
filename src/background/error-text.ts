/**
 * What an error may say once it leaves for the backend. Only our own errors,
 * whose messages are fixed texts, pass through; anything else (Chrome's
 * errors can name the URL of a tab the user has open, or a file path) becomes
 * one fixed sentence, and the original stays in this extension's console.
 */
import { NotSentError, TabLostError } from '../voyager/transport-errors';

export const UNEXPECTED_ERROR_TEXT = "an unexpected error in the browser (details in the extension's console)";

export function errorTextForBackend(error: unknown): string {
  if (error instanceof NotSentError || error instanceof TabLostError) return error.message;
  console.warn('[executor] error kept out of the result', error);
  return UNEXPECTED_ERROR_TEXT;
}
