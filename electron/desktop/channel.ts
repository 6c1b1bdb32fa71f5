/** The one IPC channel the window's contract calls travel on. */
export const IPC_CHANNEL = 'nianbao:call';
/** The app's own origin inside Electron. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://nianbao';
