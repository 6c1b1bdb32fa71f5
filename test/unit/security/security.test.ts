import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isAllowedHost, isAllowedOrigin, isAppUrl, rendererAnswer, resolveRendererFile, tokenMatches } from '../../../electron/security.js';
import { tmpDir } from '../helpers/tmp.js';

/** electron/security.ts: what both hosts (the desktop app and browser mode) let through. */

describe('the window’s Content-Security-Policy', () => {
  it('allows our own origin only: no inline script or style, no remote anything, no plugins', () => {
    const rules = new Map(CONTENT_SECURITY_POLICY.split('; ').map((r) => [r.split(' ')[0]!, r.split(' ').slice(1)]));
    expect(rules.get('default-src')).toEqual(["'none'"]);
    expect(rules.get('script-src')).toEqual(["'self'"]);
    expect(rules.get('style-src')).toEqual(["'self'"]);
    expect(rules.get('connect-src')).toEqual(["'self'"]);
    expect(rules.get('object-src')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});

describe('isAppUrl', () => {
  it('compares the whole origin, never a prefix', () => {
    expect(isAppUrl('app://nianbao/index.html', 'app://nianbao')).toBe(true);
    expect(isAppUrl('APP://NIANBAO/x', 'app://nianbao')).toBe(true);
    expect(isAppUrl('app://nianbao.example.com/index.html', 'app://nianbao')).toBe(false);
    expect(isAppUrl('app://nianbao@evil.example/', 'app://nianbao')).toBe(false);
    expect(isAppUrl('https://nianbao/', 'app://nianbao')).toBe(false);
    expect(isAppUrl('http://127.0.0.1:8123/#token=x', 'http://127.0.0.1:8123')).toBe(true);
    expect(isAppUrl('http://127.0.0.1:8124/', 'http://127.0.0.1:8123')).toBe(false);
    expect(isAppUrl('http://127.0.0.1/', 'http://127.0.0.1:80')).toBe(true);
    for (const junk of [undefined, null, '', 'not a url', 'about:blank', 'file:///etc/passwd']) expect(isAppUrl(junk, 'app://nianbao')).toBe(false);
  });
});

describe('the window’s files', () => {
  function renderer() {
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
    fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'void 0');
    fs.writeFileSync(path.join(path.dirname(dir), 'secret.txt'), 'root:x:0:0');
    return dir;
  }

  it('serves index.html for / and the built files with their types', () => {
    const dir = renderer();
    expect(resolveRendererFile(dir, '/')).toEqual({ ok: true, file: path.join(dir, 'index.html'), contentType: 'text/html; charset=utf-8' });
    expect(resolveRendererFile(dir, '/assets/app.js')).toMatchObject({ ok: true, contentType: 'text/javascript; charset=utf-8' });
  });

  it('refuses every way of climbing out of the folder, and answers 404 (no fallback) for a missing file', () => {
    const dir = renderer();
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/..\\secret.txt', '/%2e%2e%5csecret.txt', '/%00']) {
      expect(resolveRendererFile(dir, p), p).toEqual({ ok: false, status: 403 });
    }
    expect(resolveRendererFile(dir, '/report/3')).toEqual({ ok: false, status: 404 });
    expect(resolveRendererFile(dir, '/assets')).toEqual({ ok: false, status: 404 });
    expect(resolveRendererFile(dir, '/%E0%A4%A')).toEqual({ ok: false, status: 404 });
  });

  it('answers with the CSP and no-sniff; a missing build says what to run', () => {
    const dir = renderer();
    const page = rendererAnswer(dir, '/');
    expect(page.status).toBe(200);
    expect(page.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(page.headers['Cache-Control']).toBe('no-store');
    expect(rendererAnswer(dir, '/../secret.txt')).toMatchObject({ status: 403 });
    expect(String(rendererAnswer(tmpDir(), '/').body)).toContain('npm run build');
  });
});

describe('browser mode’s own checks', () => {
  it('Host must name our address exactly; Origin, when sent, must be ours', () => {
    expect(isAllowedHost('127.0.0.1:8123', 8123)).toBe(true);
    expect(isAllowedHost('localhost:8123', 8123)).toBe(true);
    expect(isAllowedHost('evil.example:8123', 8123)).toBe(false);
    expect(isAllowedHost('127.0.0.1:8123.evil.example', 8123)).toBe(false);
    expect(isAllowedHost(undefined, 8123)).toBe(false);
    expect(isAllowedOrigin(undefined, 8123)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:8123', 8123)).toBe(true);
    expect(isAllowedOrigin('http://evil.example', 8123)).toBe(false);
    expect(isAllowedOrigin('null', 8123)).toBe(false);
  });

  it('the token must match exactly', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abd', 'abc')).toBe(false);
    expect(tokenMatches('ab', 'abc')).toBe(false);
    expect(tokenMatches(undefined, 'abc')).toBe(false);
  });
});
