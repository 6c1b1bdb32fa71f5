import { spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listenFailure, portFromArgs } from '../../../electron/web.js';
import { tmpDir } from '../helpers/tmp.js';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Starts browser mode from the sources, as `npm start -- --web` would; returns what it said. */
function web(args: string[]) {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'electron', 'web.ts'), '--no-open', '--data-dir', tmpDir(), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NIANBAO_NO_OPEN: '1' },
    timeout: 60_000,
  });
  return { code: run.status, stderr: run.stderr };
}

describe('browser mode’s command line says what is wrong in Chinese', () => {
  it('a bad --port', () => {
    expect(portFromArgs([])).toBeUndefined();
    expect(portFromArgs(['--port', '8123'])).toBe(8123);
    expect(portFromArgs(['--port=8123'])).toBe(8123);
    for (const bad of ['abc', '0', '70000', '-1', '81.5', '']) expect(portFromArgs(['--port', bad]), bad).toMatchObject({ problem: expect.stringContaining('--port 应是 1 到 65535 之间的端口号') });
    const run = web(['--port', 'abc']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--port 应是 1 到 65535 之间的端口号，例如 --port 8123（现在是「abc」）');
  });

  it('a port another program holds', async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as net.AddressInfo).port;
    try {
      const run = web(['--port', String(port)]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`年报助手无法启动：端口 ${port} 已被别的程序占用`);
      expect(run.stderr).toContain(`--port ${port + 1}`);
    } finally {
      busy.close();
    }
    expect(listenFailure(Object.assign(new Error('x'), { code: 'EACCES' }), 80)).toContain('没有权限使用端口 80');
  });
});
