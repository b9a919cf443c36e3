/** Where the worker leaves its last status view (chrome.storage.session) for the popup's first paint. */
export const STATUS_SNAPSHOT_KEY = 'statusSnapshot';
