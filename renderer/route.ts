import { useEffect, useState } from 'react';
import type { SectionKey } from '../core/format/index.js';

/** Where the clerk is, kept in the address's fragment so that a reload returns to the same place. */
export type Route =
  | { name: 'reports' }
  | { name: 'agency' }
  | { name: 'new-agency' }
  | { name: 'import' }
  | { name: 'backups' }
  | { name: 'report'; reportId: number; section: SectionKey }
  /** the county workspace (issue 15): its tabs, and a collected report open for review */
  | { name: 'county'; tab: CountyTab }
  | { name: 'county-report'; collectedId: number; section: SectionKey };

export const COUNTY_TABS = ['board', 'units', 'checks', 'rollup'] as const;
export type CountyTab = (typeof COUNTY_TABS)[number];

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  if (parts[0] === 'report' && Number(parts[1]) > 0) {
    const section = /^s[1-6]$/.test(parts[2] ?? '') ? (parts[2] as SectionKey) : 's1';
    return { name: 'report', reportId: Number(parts[1]), section };
  }
  if (parts[0] === 'county' && parts[1] === 'report' && Number(parts[2]) > 0) {
    const section = /^s[1-6]$/.test(parts[3] ?? '') ? (parts[3] as SectionKey) : 's1';
    return { name: 'county-report', collectedId: Number(parts[2]), section };
  }
  if (parts[0] === 'county') return { name: 'county', tab: (COUNTY_TABS as readonly string[]).includes(parts[1] ?? '') ? (parts[1] as CountyTab) : 'board' };
  if (parts[0] === 'agency') return { name: 'agency' };
  if (parts[0] === 'new-agency') return { name: 'new-agency' };
  if (parts[0] === 'import') return { name: 'import' };
  if (parts[0] === 'backups') return { name: 'backups' };
  return { name: 'reports' };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'report':
      return `#/report/${route.reportId}/${route.section}`;
    case 'county':
      return `#/county/${route.tab}`;
    case 'county-report':
      return `#/county/report/${route.collectedId}/${route.section}`;
    default:
      return `#/${route.name}`;
  }
}

export function navigate(route: Route): void {
  const to = routeHash(route);
  // a screen with something unsaved asks first (it goes there itself if the clerk says so)
  if (leaveGuard && to !== window.location.hash && !leaveGuard(to)) return;
  window.location.hash = to;
}

/**
 * A screen holding what is not stored yet (the import review, issue 12) may stop the clerk leaving
 * it by any way the address changes: a button, browser Back, a link. The guard is asked with the
 * address wanted; answering false keeps the screen (the address is put back) and the screen asks
 * its question, then goes there itself with `leaveTo` if the clerk says so.
 */
type LeaveGuard = (to: string) => boolean;
let leaveGuard: LeaveGuard | null = null;

export function setLeaveGuard(guard: LeaveGuard | null): void {
  leaveGuard = guard;
}

/** Leaves past the guard (the clerk confirmed). */
export function leaveTo(hash: string): void {
  leaveGuard = null;
  window.location.hash = hash;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    let shown = window.location.hash;
    const onChange = () => {
      const to = window.location.hash;
      if (to !== shown && leaveGuard && !leaveGuard(to)) {
        // stay (browser Back or Forward, an address typed): the screen's address again, so that
        // Back asks again next time rather than landing on the same screen
        history.pushState(null, '', shown || '#/');
        return;
      }
      shown = to;
      setRoute(parseRoute(to));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
