import { contextBridge, ipcRenderer } from 'electron';
import { METHODS } from '../../core/api.js';
import { IPC_CHANNEL } from './channel.js';

/**
 * Exposes the contract's methods by name, and nothing else: no ipcRenderer, no generic invoke.
 * The main process checks every call's method and argument against the contract again.
 */
const bridge = Object.fromEntries(METHODS.map((method) => [method, (args: unknown) => ipcRenderer.invoke(IPC_CHANNEL, method, args)]));

contextBridge.exposeInMainWorld('nianbao', bridge);
