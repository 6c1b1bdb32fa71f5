import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../../electron/chromium-flags.js';
import { tmpDir } from '../helpers/tmp.js';
import { readNetworkTrace, straceAvailable, traceRun } from './trace.js';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const REPORT = path.join(ROOT, 'test', 'fixtures', 'seeds', 'seed-000.nianbao.json');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const CLI = path.join(ROOT, 'electron', 'cli.ts');

describe('reading a system-call trace', () => {
  it('passes loopback, Unix sockets and a UDP route probe that sends nothing', () => {
    const report = readNetworkTrace(
      [
        '101 connect(22<UNIX-STREAM:[5]>, {sa_family=AF_UNIX, sun_path="/tmp/x"}, 110) = 0',
        '101 connect(23<TCP:[6]>, {sa_family=AF_INET, sin_port=htons(8123), sin_addr=inet_addr("127.0.0.1")}, 16) = 0',
        '101 sendto(23<TCP:[127.0.0.1:40000->127.0.0.1:8123]>, ""..., 10, 0, NULL, 0) = 10',
        '101 connect(24<UDPv6:[7]>, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr), sin6_scope_id=0}, 28) = 0',
        '101 connect(25<TCPv6:[8]>, {sa_family=AF_INET6, sin6_port=htons(8123), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28 <unfinished ...>',
      ].join('\n'),
    );
    expect(report.violations).toEqual([]);
    expect(report.probes).toEqual(['2001:4860:4860::8888:443']);
    expect(report.local).toBe(4);
  });

  it('catches DNS, a TCP connection out and a datagram sent, as the export did before issue 16', () => {
    const report = readNetworkTrace(
      [
        '29989 connect(22<UDP:[1]>, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, 16) = 0',
        '29990 connect(23<TCP:[2]>, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("142.250.1.1")}, 16) = -1 EINPROGRESS (Operation now in progress)',
        '29991 sendto(24<UDPv6:[[fd00::2]:41177]>, ""..., 1200, 0, NULL, 0) = 1200',
        '29992 sendto(25<UDP:[3]>, ""..., 40, 0, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("8.8.8.8")}, 16) = 40',
      ].join('\n'),
    );
    expect(report.violations).toHaveLength(4);
    expect(report.violations[0]).toContain('10.255.255.53:53');
  });
});

describe.skipIf(process.platform !== 'linux')('the command line\'s exports reach nothing but this machine', () => {
  it('strace is installed (.ci/run installs it): without it the proof below cannot run', () => {
    expect(straceAvailable()).toBe(true);
  });

  // the PDF starts a Chromium with the project's switches (electron/chromium-flags.ts); DOCX and
  // Excel are written by the command itself. Each runs with all its children under strace.
  for (const format of ['pdf', 'docx', 'xlsx'] as const) {
    it(`export --format ${format}`, async () => {
      const out = path.join(tmpDir(), `年报.${format}`);
      const run = await traceRun(process.execPath, [TSX, CLI, 'export', REPORT, '--format', format, '--out', out, '--draft'], { cwd: ROOT });
      expect(run.stderr + run.stdout).toContain('已导出');
      expect(run.code).toBe(0);
      expect(fs.statSync(out).size).toBeGreaterThan(1000);
      expect(run.report.violations).toEqual([]);
      // the trace did see the processes talk (Unix sockets, pipes to the browser): it was not empty
      expect(run.report.local).toBeGreaterThan(0);
    }, 120_000);
  }

  it('every launch site passes the one list of switches', () => {
    // the e2e browser, the benchmarks and the PDF export import it; nobody keeps a list of their own
    const sites = ['electron/export/pdf.ts', 'test/e2e/browser.ts'];
    for (const site of sites) expect(fs.readFileSync(path.join(ROOT, site), 'utf8')).toContain('chromium-flags.js');
    const hostRules = CHROMIUM_ARGS.find((a) => a.startsWith('--host-resolver-rules='));
    expect(hostRules).toContain('MAP * ~NOTFOUND');
    expect(hostRules).toContain('EXCLUDE 127.0.0.1');
  });
});
