import crypto from 'node:crypto';
import http from 'node:http';
import { dispatch, type Handlers } from '../../core/api.js';
import { exportRoute } from '../export/preview-pages.js';
import { TOKEN_HEADER, isAllowedHost, isAllowedOrigin, rendererAnswer, tokenMatches } from '../security.js';
import { LAUNCH_CODE_REFUSALS, LaunchCodeBook, mintLaunchCode } from './launch-code.js';

export interface WebServerOptions {
  handlers: Handlers;
  /** the built renderer (index.html and assets) */
  rendererDir: string;
  port?: number;
  token?: string;
  /** how long a client may take to send its headers, and its whole request (slow clients are cut off) */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
}

export interface WebServer {
  url: string;
  /** the address to open first: it carries a single-use launch code, never the token */
  launchUrl: string;
  /** another address to open (the first one used or expired): a fresh launch code */
  newLaunchUrl(): string;
  /** the session token, for this process only: the page gets it by exchanging a launch code */
  token: string;
  port: number;
  close(): Promise<void>;
}

export const MAX_BODY = 16 * 1024 * 1024;
/** A body this much larger than allowed is not even read to its end: the connection is closed. */
const MAX_DRAIN = 4 * MAX_BODY;

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

type Body = { ok: true; text: string } | { ok: false; size: number };

/**
 * The request's body, or its size when it is larger than allowed. An oversized body is read to
 * its end and thrown away, so that the client, still sending, gets the answer (413) instead of
 * a reset connection; one many times too large is cut off.
 */
function readBody(req: http.IncomingMessage): Promise<Body> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        chunks.length = 0;
        if (size > MAX_DRAIN) {
          req.destroy();
          resolve({ ok: false, size });
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY ? { ok: false, size } : { ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', reject);
  });
}

const json = (value: unknown): string => JSON.stringify(value);
const refusal = (code: string, message: string): string => json({ ok: false, error: { code, message } });

/** The sentence for a request too large to take. */
export function tooLargeMessage(size: number): string {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0);
  return (
    `这次要交给年报助手的内容有 ${mb(size)} MB，超过了一次最多 ${mb(MAX_BODY)} MB 的限制，没有处理；已保存的内容不受影响。` +
    '如果是在导入文件，请换一个小一些的文件（例如只含年报的那几页）。'
  );
}

/** The request path decoded, or null when its %-escapes are malformed. */
function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

/** The browser mode: the same services over HTTP on 127.0.0.1, serving the built window. */
export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const codes = new LaunchCodeBook(token);
  let port = 0;
  const server = http.createServer(
    {
      headersTimeout: options.headersTimeoutMs ?? 20_000,
      requestTimeout: options.requestTimeoutMs ?? 120_000,
      // how often slow clients are looked for (Node's default, 30 s, would let them sit that long)
      connectionsCheckingInterval: Math.min(1000, options.headersTimeoutMs ?? 1000),
    },
    async (req, res) => {
      try {
        if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
          return send(res, 403, 'Forbidden: foreign host or origin');
        }
        const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
        if (decodedPath(url.pathname) === null) {
          return send(res, 400, '地址里有无效的 % 转义，请检查地址是否完整。');
        }
        if (url.pathname === '/session') {
          // the page trades the launch code of its address for the session token, once
          if (req.method !== 'POST') return send(res, 405, 'Method Not Allowed');
          const body = await readBody(req);
          let code: unknown;
          try {
            code = body.ok ? (JSON.parse(body.text) as { code?: unknown }).code : undefined;
          } catch {
            code = undefined;
          }
          const redeemed = codes.redeem(code);
          if (!redeemed.ok) return send(res, 403, refusal('refused', LAUNCH_CODE_REFUSALS[redeemed.reason]), 'application/json; charset=utf-8');
          return send(res, 200, json({ token }), 'application/json; charset=utf-8');
        }
        if (url.pathname.startsWith('/api/')) {
          const given = req.headers[TOKEN_HEADER];
          if (!tokenMatches(Array.isArray(given) ? given[0] : given, token)) return send(res, 403, 'Forbidden: token');
          if (req.method !== 'POST') return send(res, 405, 'Method Not Allowed');
          const body = await readBody(req);
          if (!body.ok) {
            res.setHeader('Connection', 'close');
            return send(res, 413, refusal('refused', tooLargeMessage(body.size)), 'application/json; charset=utf-8');
          }
          let args: unknown;
          try {
            args = body.text ? JSON.parse(body.text) : {};
          } catch {
            return send(res, 400, refusal('invalid_args', '请求内容不是有效的 JSON'), 'application/json; charset=utf-8');
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
        if (res.headersSent || res.destroyed) return res.destroy();
        return send(res, 500, `内部错误：${err instanceof Error ? err.message : String(err)}`);
      }
    },
  );
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : 0;
      const url = `http://127.0.0.1:${port}/`;
      const newLaunchUrl = () => `${url}#code=${mintLaunchCode(token)}`;
      resolve({
        url,
        launchUrl: newLaunchUrl(),
        newLaunchUrl,
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
