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
  window.location.hash = routeHash(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
