/**
 * The public half of the development key: put in the manifest's `key` of dev and test builds
 * only, so that an unpacked build always has the same extension id (a Chromium policy names the
 * extension by id). Its private half was thrown away when it was made: loading unpacked needs only
 * this. The store package never carries it (the Web Store assigns its own id).
 */
export const DEV_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArNYJslfZpGAWtCKhrD3uTS3rLfka2wiDWehCQznKbZ2kaNF7hhQR4zLzyy3CIN6ILk9K0eUAs7sAnoOvKxY6RoO4qgjPpmdJaVbWFEbzETDNRFm1yXWjQTHdlCBS4/5NqXyMJOzs+E8D0MGR9ywbUwtN22x6y+Chg139QqUAA3t+zHOTzT+2TVm3gyBdtWNR/dC7ppl1qyKeqXgV/y0Lm1mHITcH4o1hFAZ3H520sapJ1+MVP2ZvX2qO/iTlVVREuUvZB0okyZ/8vYSjFnN5xO6gLqfA/Izk5xBm4RYBErz6jL+DwAcONKikH0LkvIMbx9M/bKUcF75KW3BdN6KYEwIDAQAB';
