import { useSyncExternalStore } from 'react';

/**
 * 「对比上年」 is one switch for all three tables, remembered across reports and restarts: a clerk
 * who compares in 表二 wants to compare in 表三 too.
 */

const KEY = 'nianbao.yoy';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function setYoyShown(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? '1' : '0');
  } catch {
    // private mode without storage: the switch still works for this page
  }
  current = on;
  listeners.forEach((l) => l());
}

let current: boolean | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useYoyShown(): boolean {
  return useSyncExternalStore(subscribe, () => (current ??= read()));
}
