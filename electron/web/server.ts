import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { dispatch, type Handlers } from '../../core/api.js';
import { exportRoute } from '../export/preview-pages.js';
import { CONTENT_SECURITY_POLICY, TOKEN_HEADER, isAllowedHost, isAllowedOrigin, tokenMatches } from './security.js';

export interface WebServerOptions {
  handlers: Handlers;
  /** the built renderer (index.html and assets) */
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface WebServer {
  url: string;
  /** the address to open: the page takes the token from it */
  launchUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY = 16 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.json': 'application/json',
};

function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function serveStatic(rendererDir: string, urlPath: string, res: http.ServerResponse) {
  const rel = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  const file = path.resolve(rendererDir, `.${rel}`);
  // a path that leaves the renderer folder (../) is refused
  if (!file.startsWith(path.resolve(rendererDir) + path.sep)) return send(res, 403, 'Forbidden');
  const target = fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(rendererDir, 'index.html');
  if (!fs.existsSync(target)) return send(res, 500, '界面文件缺失，请先运行 npm run build');
  const type = MIME[path.extname(target)] ?? 'application/octet-stream';
  res.writeHead(200, {
    'Content-Type': type,
    'Cache-Control': target.endsWith('.html') ? 'no-store' : 'max-age=3600',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'SAMEORIGIN',
  });
  fs.createReadStream(target).pipe(res);
}

/** The browser mode: the same services over HTTP on 127.0.0.1, serving the built window. */
export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  let port = 0;
  const server = http.createServer(async (req, res) => {
    try {
      if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
        return send(res, 403, 'Forbidden: foreign host or origin');
      }
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      if (url.pathname.startsWith('/api/')) {
        const given = req.headers[TOKEN_HEADER];
        if (!tokenMatches(Array.isArray(given) ? given[0] : given, token)) return send(res, 403, 'Forbidden: token');
        if (req.method !== 'POST') return send(res, 405, 'Method Not Allowed');
        let body: string;
        try {
          body = await readBody(req);
        } catch {
          return send(res, 413, JSON.stringify({ ok: false, error: { code: 'refused', message: '提交的内容太大' } }), 'application/json');
        }
        let args: unknown;
        try {
          args = body ? JSON.parse(body) : {};
        } catch {
          return send(res, 400, JSON.stringify({ ok: false, error: { code: 'invalid_args', message: '请求内容不是有效的 JSON' } }), 'application/json');
        }
        const result = await dispatch(options.handlers, url.pathname.slice('/api/'.length), args);
        return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed');
      // the print preview (its own CSP: inline style, no script) and the bundled print fonts
      const printed = exportRoute(url.pathname);
      if (printed) {
        res.writeHead(printed.status, { ...printed.headers, 'Cross-Origin-Resource-Policy': 'same-origin' });
        return res.end(req.method === 'HEAD' ? undefined : printed.body);
      }
      return serveStatic(options.rendererDir, url.pathname, res);
    } catch (err) {
      return send(res, 500, `内部错误：${err instanceof Error ? err.message : String(err)}`);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : 0;
      const url = `http://127.0.0.1:${port}/`;
      resolve({
        url,
        launchUrl: `${url}#token=${token}`,
        token,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
