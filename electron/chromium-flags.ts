/**
 * The one list of switches for every Chromium the project starts: the app's PDF export (browser
 * mode, command line, batch export), the end-to-end tests, the benchmarks and any script that
 * drives a browser. The app promises no network request, ever; a headless Chromium left to itself
 * asks update.googleapis.com for components, accounts.google.com for sign-in state and a public
 * DNS server for both, whatever `--disable-background-networking` says (found by tracing its
 * system calls: test/unit/network). So the browser is made unable to reach anything:
 *
 * - every host name resolves to nothing, except our own loopback address: no DNS query is ever
 *   sent (this is what actually stops the look-ups);
 * - every request that would go out without a host name (an address written as numbers) is sent
 *   to a proxy on a loopback port where nothing answers; loopback itself bypasses proxies;
 * - the services that phone home are switched off one by one, so they do not even try.
 *
 * `--disable-features` is deliberately not set: playwright-core passes its own list (network time,
 * optimization hints, search preconnect…) and a second switch would replace it, not add to it.
 *
 * One thing no switch stops: before its first request Chromium's resolver "connects" a UDP socket
 * to a public IPv6 address to learn whether this machine has an IPv6 route. A UDP connect sends
 * no packet; the tests allow exactly that and nothing else (test/unit/network/trace.ts).
 */
export const CHROMIUM_OFFLINE_ARGS: readonly string[] = [
  // no host name resolves except loopback (127.0.0.1 is what browser mode serves on)
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
  // numeric addresses go to a dead loopback port instead of out (loopback is never proxied)
  '--proxy-server=http://127.0.0.1:9',
  '--dns-prefetch-disable',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-breakpad',
  '--metrics-recording-only',
  '--no-pings',
  '--no-first-run',
  '--no-default-browser-check',
];

/** Headless on a machine without a GPU, and where the sandbox cannot start (containers, CI as root). */
export const CHROMIUM_HEADLESS_ARGS: readonly string[] = ['--no-sandbox', '--disable-gpu'];

/** What every launch site passes as `args`. */
export const CHROMIUM_ARGS: readonly string[] = [...CHROMIUM_HEADLESS_ARGS, ...CHROMIUM_OFFLINE_ARGS];
