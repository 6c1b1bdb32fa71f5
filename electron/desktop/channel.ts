/** The one IPC channel the window's contract calls travel on. */
export const IPC_CHANNEL = 'nianbao:call';
/** The app's own origin inside Electron. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://nianbao';
/**
 * Printed when the window has shown: until then, `npm start` treats Electron's exit as a failed
 * start and falls back to browser mode (scripts/electron-start.mjs, which holds the same text).
 */
export const WINDOW_SHOWN = 'nianbao:window-shown';
