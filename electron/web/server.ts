import crypto from 'node:crypto';
import http from 'node:http';
import { dispatch, type Handlers } from '../../core/api.js';
import { exportRoute } from '../export/preview-pages.js';
import { TOKEN_HEADER, isAllowedHost, isAllowedOrigin, rendererAnswer, tokenMatches } from '../security.js';

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
      // the print preview (its own CSP: inline style, no script) and the bundled print fonts;
      // else the window's own files (electron/security.ts, as in the desktop app)
      const answer = exportRoute(url.pathname) ?? rendererAnswer(options.rendererDir, url.pathname);
      res.writeHead(answer.status, { ...answer.headers, 'Cross-Origin-Resource-Policy': 'same-origin' });
      return res.end(req.method === 'HEAD' ? undefined : answer.body);
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
