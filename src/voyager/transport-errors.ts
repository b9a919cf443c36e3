/**
 * Why a request never left for LinkedIn. Their messages are fixed texts:
 * they end up in results sent to the backend, and Chrome's own error texts
 * can name the URL of a tab the user has open.
 */

/** The request never left (no tab to send it from): safe to try again later. */
export class NotSentError extends Error {
  override name = 'NotSentError';
  constructor(message = 'no usable linkedin.com tab (none could be found, opened or loaded)') {
    super(message);
  }
}

export class NoLinkedInTabError extends NotSentError {
  override name = 'NoLinkedInTabError';
  constructor() {
    super('no linkedin.com tab is open and opening one in the background is not allowed');
  }
}

/** The tab could not run the request (it closed, navigated away or refused the script): it may or may not have left. */
export class TabLostError extends Error {
  override name = 'TabLostError';
  constructor() {
    super('the linkedin.com tab could not run the request (it closed, navigated away or refused the script)');
  }
}
