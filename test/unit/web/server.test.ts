import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../../electron/web/server.js';
import { testBackend } from '../helpers/backend.js';
import { tmpDir } from '../helpers/tmp.js';

/** Raw HTTP so that Host and Origin can be set freely (fetch forbids setting Host). */
function request(port: number, opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

let server: WebServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start() {
  const renderer = tmpDir();
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>年报助手</title>');
  const { handlers } = testBackend();
  server = await startWebServer({ handlers, rendererDir: renderer });
  return server;
}

describe('browser mode server', () => {
  it('listens on 127.0.0.1 with a random token and serves the window with a strict CSP', async () => {
    const s = await start();
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(s.token.length).toBeGreaterThanOrEqual(32);
    const page = await request(s.port, { path: '/', headers: { Host: `127.0.0.1:${s.port}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('answers an API call that carries the token', async () => {
    const s = await start();
    const res = await request(s.port, {
      path: '/api/agency.list',
      method: 'POST',
      headers: { Host: `127.0.0.1:${s.port}`, 'X-Nianbao-Token': s.token, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: [] });
  });

  it('no token or a wrong token → 403', async () => {
    const s = await start();
    const host = { Host: `127.0.0.1:${s.port}` };
    expect((await request(s.port, { path: '/api/agency.list', method: 'POST', headers: host, body: '{}' })).status).toBe(403);
    const wrong = { ...host, 'X-Nianbao-Token': 'x'.repeat(s.token.length) };
    expect((await request(s.port, { path: '/api/agency.list', method: 'POST', headers: wrong, body: '{}' })).status).toBe(403);
  });

  it('a foreign Host (DNS rebinding) or Origin → 403, even with the token', async () => {
    const s = await start();
    const token = { 'X-Nianbao-Token': s.token };
    const foreignHost = await request(s.port, { path: '/api/agency.list', method: 'POST', headers: { ...token, Host: `evil.example:${s.port}` }, body: '{}' });
    expect(foreignHost.status).toBe(403);
    const pageByForeignHost = await request(s.port, { path: '/', headers: { Host: 'evil.example' } });
    expect(pageByForeignHost.status).toBe(403);
    const foreignOrigin = await request(s.port, {
      path: '/api/agency.list',
      method: 'POST',
      headers: { ...token, Host: `127.0.0.1:${s.port}`, Origin: 'http://evil.example' },
      body: '{}',
    });
    expect(foreignOrigin.status).toBe(403);
  });

  it('does not serve files outside the window folder', async () => {
    const s = await start();
    const res = await request(s.port, { path: '/../../../../etc/passwd', headers: { Host: `127.0.0.1:${s.port}` } });
    expect(res.body).not.toContain('root:');
    const encoded = await request(s.port, { path: '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', headers: { Host: `127.0.0.1:${s.port}` } });
    expect(encoded.body).not.toContain('root:');
  });

  it('bad JSON and unknown methods get the typed error', async () => {
    const s = await start();
    const headers = { Host: `127.0.0.1:${s.port}`, 'X-Nianbao-Token': s.token };
    const bad = await request(s.port, { path: '/api/agency.list', method: 'POST', headers, body: '{not json' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    const unknown = await request(s.port, { path: '/api/shell.exec', method: 'POST', headers, body: '{}' });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });
});
