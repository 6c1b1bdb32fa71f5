import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LaunchCodeBook, mintLaunchCode } from '../../../electron/web/launch-code.js';
import { MAX_BODY, startWebServer, type WebServer } from '../../../electron/web/server.js';
import { testBackend } from '../helpers/backend.js';
import { tmpDir } from '../helpers/tmp.js';

/**
 * Browser mode probed from outside, as an attacker on this machine or a web page in the clerk's
 * browser would: every probe of issue 16 — token, Host, Origin, cross-site form post, traversal
 * in every spelling, an oversized body, a malformed escape, slow clients, the launch code.
 */

interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** Raw HTTP: Host, Origin and the path go exactly as written (fetch would normalise them). */
function request(port: number, opts: { path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    if (opts.body !== undefined) {
      if (opts.chunked) {
        // sent in pieces, without a length: the server cannot tell the size before reading it
        const body = Buffer.from(opts.body);
        for (let i = 0; i < body.length; i += 1 << 20) req.write(body.subarray(i, i + (1 << 20)));
      } else {
        req.write(opts.body);
      }
    }
    req.end();
  });
}

let server: WebServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const SECRET = 'a file outside the window folder';

async function start(extra: { headersTimeoutMs?: number; requestTimeoutMs?: number } = {}) {
  const root = tmpDir();
  const renderer = path.join(root, 'renderer');
  fs.mkdirSync(renderer);
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>年报助手</title>');
  fs.writeFileSync(path.join(renderer, 'app.js'), 'void 0;');
  fs.writeFileSync(path.join(renderer, 'app.js.map'), '{"sources":["secret.ts"]}');
  fs.writeFileSync(path.join(root, 'secret.txt'), SECRET);
  const { handlers } = testBackend();
  server = await startWebServer({ handlers, rendererDir: renderer, ...extra });
  return server;
}

const api = (s: WebServer, method: string, body = '{}', headers: Record<string, string> = {}) =>
  request(s.port, { path: `/api/${method}`, method: 'POST', headers: { 'X-Nianbao-Token': s.token, 'Content-Type': 'application/json', ...headers }, body });

describe('browser mode: the token', () => {
  it('every API call without the exact token is refused, whatever the method', async () => {
    const s = await start();
    for (const token of [undefined, '', 'x', s.token.slice(1), `${s.token}x`, s.token.toUpperCase(), `${s.token.slice(0, -1)}\u00e9`]) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (token !== undefined) headers['X-Nianbao-Token'] = token;
      for (const method of ['agency.list', 'report.delete', 'backup.restore']) {
        const res = await request(s.port, { path: `/api/${method}`, method: 'POST', headers, body: '{}' });
        expect(res.status, `${method} with ${JSON.stringify(token)}`).toBe(403);
      }
    }
    expect((await api(s, 'agency.list')).status).toBe(200);
  });

  it('the token is in no address: the printed one carries a launch code, good once, for two minutes', async () => {
    const s = await start();
    expect(s.launchUrl).not.toContain(s.token);
    expect(s.launchUrl).toMatch(/#code=[\w-]+\.[\da-z]+\.[\w-]+$/);
    const code = s.launchUrl.split('#code=')[1]!;
    const exchange = (c: unknown) => request(s.port, { path: '/session', method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: c }) });
    const first = await exchange(code);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toEqual({ token: s.token });
    const again = await exchange(code);
    expect(again.status).toBe(403);
    expect(JSON.parse(again.body).error.message).toContain('只能打开一次');
    // made with another token, altered, or not a code at all
    for (const forged of [mintLaunchCode('another-token'), `${code.slice(0, -2)}AA`, '', 'a.b.c', 42, null]) {
      const res = await exchange(forged);
      expect(res.status).toBe(403);
      expect(JSON.parse(res.body).error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    // a fresh address works once more (Enter in the command window prints one)
    expect((await exchange(s.newLaunchUrl().split('#code=')[1])).status).toBe(200);
    expect((await request(s.port, { path: '/session' })).status).toBe(405);
  });

  it('an expired code is refused with a sentence that says what to do', () => {
    let now = 1_000_000;
    const book = new LaunchCodeBook('t', () => now);
    const code = mintLaunchCode('t', now);
    now += 2 * 60_000 + 1;
    expect(book.redeem(code)).toEqual({ ok: false, reason: 'expired' });
    const fresh = mintLaunchCode('t', now);
    expect(book.redeem(fresh)).toEqual({ ok: true });
    expect(book.redeem(fresh)).toEqual({ ok: false, reason: 'used' });
  });
});

describe('browser mode: Host and Origin', () => {
  it('a foreign or missing Host (DNS rebinding) is refused for pages and API alike', async () => {
    const s = await start();
    for (const host of ['evil.example', `evil.example:${s.port}`, `127.0.0.1.evil.example:${s.port}`, `127.0.0.1:${s.port + 1}`, `0.0.0.0:${s.port}`, `[::1]:${s.port}`]) {
      expect((await request(s.port, { path: '/', headers: { Host: host } })).status, host).toBe(403);
      expect((await api(s, 'agency.list', '{}', { Host: host })).status, host).toBe(403);
    }
    expect((await request(s.port, { path: '/', headers: { Host: `localhost:${s.port}` } })).status).toBe(200);
    // no Host header at all (HTTP/1.0 style), written by hand: Node's client would add one
    const raw = await new Promise<string>((resolve) => {
      let got = '';
      const sock = net.connect(s.port, '127.0.0.1', () => sock.write('GET / HTTP/1.0\r\n\r\n'));
      sock.on('data', (d) => (got += d.toString()));
      sock.on('close', () => resolve(got));
    });
    expect(raw).toMatch(/^HTTP\/1\.[01] (403|400)/);
  });

  it('a foreign Origin is refused even with the token; a look-alike is foreign', async () => {
    const s = await start();
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${s.port}.evil.example`, `https://127.0.0.1:${s.port}`, `http://127.0.0.1:${s.port + 1}`, 'file://']) {
      expect((await api(s, 'agency.list', '{}', { Origin: origin })).status, origin).toBe(403);
    }
    expect((await api(s, 'agency.list', '{}', { Origin: `http://127.0.0.1:${s.port}` })).status).toBe(200);
  });

  it('a cross-site form post (no custom header can be set) changes nothing', async () => {
    const s = await start();
    const form = 'agency=%7B%22name%22%3A%22x%22%7D';
    const fromSite = await request(s.port, {
      path: '/api/agency.create',
      method: 'POST',
      headers: { Origin: 'http://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    expect(fromSite.status).toBe(403);
    // even a same-site post without the token header is refused
    const noHeader = await request(s.port, { path: '/api/agency.create', method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"agency":{}}' });
    expect(noHeader.status).toBe(403);
    expect(JSON.parse((await api(s, 'agency.list')).body)).toEqual({ ok: true, value: [] });
  });
});

describe('browser mode: paths', () => {
  const climbs = [
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/.%2e/secret.txt',
    '/%2e%2e%5csecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/%252e%252e%252fsecret.txt',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    '/C:%5cWindows%5cwin.ini',
    '/index.html%00.png',
    '/assets/../../secret.txt',
    '/%u002e%u002e/secret.txt',
  ];
  it.each(climbs)('%s does not leave the window folder', async (p) => {
    const s = await start();
    const res = await request(s.port, { path: p });
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toContain('root:');
    expect([400, 403, 404]).toContain(res.status);
  });

  it('source maps are never served, however the path is spelled', async () => {
    const s = await start();
    expect((await request(s.port, { path: '/app.js' })).status).toBe(200);
    for (const p of ['/app.js.map', '/app.js.MAP', '/app.js%2emap', '/./app.js.map']) expect((await request(s.port, { path: p })).status, p).toBe(404);
  });

  it('a malformed %-escape is a bad request (400) in Chinese, not an internal error', async () => {
    const s = await start();
    for (const p of ['/%E0%A4%A', '/%', '/%zz', '/%c0%ae%c0%ae/secret.txt', '/api/%E0%A4%A']) {
      const res = await request(s.port, { path: p, method: p.startsWith('/api/') ? 'POST' : 'GET', headers: { 'X-Nianbao-Token': s.token } });
      expect(res.status, p).toBe(400);
      expect(res.body).toContain('无效的 % 转义');
      expect(res.body).not.toContain('内部错误');
    }
  });
});

describe('browser mode: sizes and slow clients', () => {
  it('a 17 MB body is answered 413 with a Chinese sentence, not cut off; the server goes on', async () => {
    const s = await start();
    const big = Buffer.alloc(17 * 1024 * 1024, 0x61);
    for (const chunked of [false, true]) {
      expect((await api(s, 'agency.list')).status).toBe(200);
      const tooBig = await request(s.port, { path: '/api/import.parse', method: 'POST', headers: { 'X-Nianbao-Token': s.token }, body: big, chunked });
      expect(tooBig.status).toBe(413);
      const error = JSON.parse(tooBig.body).error;
      expect(error.code).toBe('refused');
      expect(error.message).toContain('17 MB');
      expect(error.message).toContain('16');
      expect(error.message).toContain('已保存的内容不受影响');
    }
    // just under the limit is read (and refused by the contract, not by size)
    const under = await api(s, 'agency.create', JSON.stringify({ agency: { name: 'x'.repeat(MAX_BODY - 100) } }));
    expect(under.status).toBe(200);
    expect(JSON.parse(under.body).error.code).toBe('invalid_args');
    expect((await api(s, 'agency.list')).status).toBe(200);
  });

  it('a client that sends its headers slowly is cut off, and others are served meanwhile', async () => {
    const s = await start({ headersTimeoutMs: 800, requestTimeoutMs: 1500 });
    const slow = net.connect(s.port, '127.0.0.1');
    const closed = new Promise<number>((resolve) => {
      const t0 = Date.now();
      slow.on('close', () => resolve(Date.now() - t0));
      slow.on('error', () => undefined);
    });
    slow.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\n`);
    const drip = setInterval(() => slow.writable && slow.write('X-Slow: 1\r\n'), 100);
    // meanwhile the window is served
    expect((await api(s, 'agency.list')).status).toBe(200);
    const after = await closed;
    clearInterval(drip);
    expect(after).toBeLessThan(5000);
  });

  it('a client that never finishes its body is cut off too', async () => {
    const s = await start({ headersTimeoutMs: 800, requestTimeoutMs: 1500 });
    const slow = net.connect(s.port, '127.0.0.1');
    const closed = new Promise<string>((resolve) => {
      let got = '';
      slow.on('data', (d) => (got += d.toString()));
      slow.on('close', () => resolve(got));
      slow.on('error', () => undefined);
    });
    slow.write(`POST /api/agency.list HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nX-Nianbao-Token: ${s.token}\r\nContent-Length: 100\r\n\r\n{`);
    const answer = await closed;
    // Node answers 408 (or just closes); never a 200 for half a request
    expect(answer).not.toContain('200 OK');
    expect((await api(s, 'agency.list')).status).toBe(200);
  });
});
