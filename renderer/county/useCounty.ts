import { useCallback, useEffect, useState } from 'react';
import type { ExportDelivery } from '../../core/api.js';
import { errorMessage } from '../api/errors.js';
import { deliveryText, downloadFile } from '../report/export/download.js';

/** Loads something for the county screens, with its failure as a sentence; `reload` fetches it again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { value: T | null; error: string; reload: () => Promise<void> } {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState('');
  const reload = useCallback(async () => {
    try {
      setValue(await load());
      setError('');
    } catch (err) {
      setError(errorMessage(err));
    }
    // the caller lists what the load depends on
  }, deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, error, reload };
}

/** Hands an exported file to the clerk (a download in browser mode) and returns what to say. */
export function delivered(delivery: ExportDelivery): string {
  if (delivery.kind === 'download') downloadFile(delivery);
  return deliveryText(delivery);
}

const YEAR_KEY = 'nianbao.county.year';

/** The year the workspace shows, kept across visits: by default last year's reports (those collected now). */
export function useCountyYear(): [number, (y: number) => void] {
  const [year, setYear] = useState(() => Number(localStorage.getItem(YEAR_KEY)) || new Date().getFullYear() - 1);
  return [
    year,
    (y) => {
      localStorage.setItem(YEAR_KEY, String(y));
      setYear(y);
    },
  ];
}
