import { describe, expect, it, vi } from 'vitest';
import { METHODS } from '../../../core/api.js';
import { IPC_CHANNEL } from '../../../electron/desktop/channel.js';
import { electronModule, fakeElectron } from './fake-electron.js';

const fake = vi.hoisted(() => ({ current: undefined as unknown as ReturnType<typeof fakeElectron> }));
vi.mock('electron', () => electronModule(() => fake.current));

describe('the preload script', () => {
  it('exposes the contract’s methods by name on window.nianbao, each one call on the one channel, and nothing else', async () => {
    fake.current = fakeElectron();
    await import('../../../electron/desktop/preload.js');
    const { exposeInMainWorld } = fake.current.contextBridge;
    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, bridge] = exposeInMainWorld.mock.calls[0] as [string, Record<string, (args: unknown) => Promise<unknown>>];
    expect(name).toBe('nianbao');
    expect(Object.keys(bridge).sort()).toEqual([...METHODS].sort());
    await bridge['report.open']!({ reportId: 3 });
    expect(fake.current.ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CHANNEL, 'report.open', { reportId: 3 });
    // no generic invoke, no ipcRenderer, no Node
    expect(Object.values(bridge).every((f) => typeof f === 'function')).toBe(true);
    expect(bridge).not.toHaveProperty('invoke');
  });
});
