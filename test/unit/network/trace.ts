import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The zero-network proof: a command (and every process it starts) runs under
 * `strace -f -yy -e trace=network`, and every connect() and send of the trace is read back.
 * `-yy` prints each socket with its protocol and, once connected, both of its ends, so a send
 * on a connected socket names where it goes.
 *
 * What passes: Unix and netlink sockets, and IPv4/IPv6 sockets whose far end is loopback
 * (127.0.0.0/8, ::1). One thing more is tolerated, and counted: a connect() on a UDP socket to
 * a non-loopback address that is never followed by a send on it. That is how Chromium asks the
 * kernel whether an IPv6 route exists (electron/chromium-flags.ts); a UDP connect puts no packet
 * on any wire. Anything else — a TCP connect, a DNS query (port 53, even a UDP connect to it), a
 * datagram sent — is a violation.
 */

export interface NetworkReport {
  /** connects and sends to loopback, Unix or netlink sockets */
  local: number;
  /** UDP route probes to non-loopback addresses that sent nothing */
  probes: string[];
  /** everything that would reach the network */
  violations: string[];
}

const LOOPBACK_V4 = /^127\./;
const isLoopback = (address: string): boolean => {
  const a = address.replace(/^\[|\]$/g, '').toLowerCase();
  return LOOPBACK_V4.test(a) || a === '::1' || /^::ffff:127\./.test(a);
};

interface SocketDesc {
  proto: string;
  /** not yet bound to an address: strace shows only its inode */
  unbound: boolean;
  local?: string;
  remote?: string;
  remotePort?: number;
}

const endpoint = /^(\[[^\]]+\]|[\d.]+):(\d+)$/;

/** `fd<UDP:[local]->[remote]>` of strace -yy: the protocol and the socket's ends, as far as strace knows them. */
function socketOf(call: string): SocketDesc | null {
  const m = /^\w+\(\d+<([\w-]+):\[(.*)\]>/.exec(call);
  if (!m) return null;
  const proto = m[1]!;
  if (/^\d+$/.test(m[2]!)) return { proto, unbound: true };
  const [localText, remoteText] = m[2]!.split('->');
  const local = endpoint.exec(localText ?? '');
  const remote = endpoint.exec(remoteText ?? '');
  return {
    proto,
    unbound: false,
    ...(local ? { local: local[1]!.replace(/^\[|\]$/g, '') } : {}),
    ...(remote ? { remote: remote[1]!.replace(/^\[|\]$/g, ''), remotePort: Number(remote[2]) } : {}),
  };
}

const isInet = (proto: string): boolean => /^(TCP|UDP)/.test(proto);

/** The inet address and port of a sockaddr in a call's arguments, if it has one. */
function sockaddrOf(call: string): { family: string; address: string; port: number } | null {
  const family = /sa_family=(AF_\w+)/.exec(call)?.[1];
  if (!family) return null;
  if (family !== 'AF_INET' && family !== 'AF_INET6') return { family, address: '', port: 0 };
  const address = /inet_addr\("([^"]+)"\)/.exec(call)?.[1] ?? /inet_pton\(AF_INET6, "([^"]+)"/.exec(call)?.[1] ?? '?';
  const port = Number(/sin6?_port=htons\((\d+)\)/.exec(call)?.[1] ?? -1);
  return { family, address, port };
}

/** Reads a trace written by `strace -f -yy -e trace=network`. */
export function readNetworkTrace(text: string): NetworkReport {
  const report: NetworkReport = { local: 0, probes: [], violations: [] };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^\d+\s+/, '');
    const name = /^(\w+)\(/.exec(line)?.[1];
    if (name !== 'connect' && name !== 'sendto' && name !== 'sendmsg' && name !== 'sendmmsg') continue;
    const to = sockaddrOf(line);
    const sock = socketOf(line);
    const inetTarget = to && (to.family === 'AF_INET' || to.family === 'AF_INET6');
    if (name === 'connect') {
      if (!inetTarget || isLoopback(to.address)) {
        report.local++;
      } else if (sock?.proto.startsWith('UDP') && sock.unbound && to.port !== 53) {
        // the kernel binds it now to this machine's outward address: a send on it would show
        // that address as its near end, and is caught below
        report.probes.push(`${to.address}:${to.port}`);
      } else {
        report.violations.push(`connect ${sock?.proto ?? to.family} ${to.address}:${to.port}`);
      }
      continue;
    }
    if (inetTarget) {
      if (isLoopback(to.address)) report.local++;
      else report.violations.push(`${name} ${to.address}:${to.port}`);
      continue;
    }
    if (!sock || !isInet(sock.proto)) {
      report.local++;
      continue;
    }
    // a send on a connected inet socket: its far end if strace shows it, else its near end,
    // which is a loopback address exactly when the socket talks to loopback
    const where = sock.remote ?? sock.local;
    if (where !== undefined && isLoopback(where)) report.local++;
    else report.violations.push(`${name} ${sock.proto} ${sock.remote ? `${sock.remote}:${sock.remotePort}` : `from ${sock.local ?? 'an unbound socket'}`}`);
  }
  return report;
}

export function straceAvailable(): boolean {
  return spawnSync('strace', ['-V'], { encoding: 'utf8' }).status === 0;
}

/** The strace command line that records `-o file`: prefix a command with it. */
export function straceCommand(file: string): string[] {
  return ['strace', '-f', '-qq', '-yy', '-s', '0', '-e', 'trace=network', '-o', file];
}

export interface TracedRun {
  code: number | null;
  stdout: string;
  stderr: string;
  report: NetworkReport;
}

/** Runs a command and its children under strace and reads what they did on the network. */
export function traceRun(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<TracedRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-trace-'));
  const file = path.join(dir, 'trace.txt');
  const [strace, ...straceArgs] = straceCommand(file);
  return new Promise((resolve, reject) => {
    const child = spawn(strace!, [...straceArgs, command, ...args], { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const report = readNetworkTrace(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
      fs.rmSync(dir, { recursive: true, force: true });
      resolve({ code, stdout, stderr, report });
    });
  });
}
