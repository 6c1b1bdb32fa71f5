import { METHODS, type Handlers, type Method } from '../../core/api.js';

/**
 * The services' tables of methods joined into the one table a host serves. A method implemented
 * twice (the later table would silently win) or not at all is a mistake in the code, found the
 * moment the back end starts — and by the unit tests — rather than by a clerk.
 */
export function combineHandlers(...tables: Partial<Handlers>[]): Handlers {
  const out = new Map<string, unknown>();
  for (const table of tables) {
    for (const [method, handler] of Object.entries(table)) {
      if (out.has(method)) throw new Error(`方法「${method}」在两处都有实现，只能有一处`);
      out.set(method, handler);
    }
  }
  const missing = METHODS.filter((m: Method) => !out.has(m));
  if (missing.length) throw new Error(`这些方法还没有实现：${missing.join('、')}`);
  const unknown = [...out.keys()].filter((m) => !(METHODS as readonly string[]).includes(m));
  if (unknown.length) throw new Error(`这些方法不在 core/api.ts 中：${unknown.join('、')}`);
  return Object.fromEntries(out) as Handlers;
}
