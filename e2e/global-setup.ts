import { buildExtension } from './build-extension';
import { SCALES } from './fixtures';

export default function globalSetup(): void {
  // Always rebuild: a stale build would test old code.
  for (const scale of SCALES) buildExtension(scale, { force: true });
}
