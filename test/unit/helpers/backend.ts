import type { Agency } from '../../../core/report/model.js';
import { createHandlers } from '../../../electron/services/index.js';
import { openStore, type Store } from '../../../electron/store/index.js';
import { tmpDir } from './tmp.js';

export const SAMPLE_AGENCY: Agency = {
  name: '某某县清河镇人民政府',
  level: 'township',
  region: '某某省某某县',
  contact: { address: '清河镇人民路1号', postcode: '410300', phone: '0731-83000000', email: 'qhz@example.gov.cn' },
  website: 'www.example.gov.cn',
};

/** Services over a real SQLite file in a temporary folder. */
export function testBackend(dataDir = tmpDir()): { store: Store; handlers: ReturnType<typeof createHandlers>; dataDir: string } {
  const store = openStore(dataDir);
  let tick = 0;
  const handlers = createHandlers({
    store,
    info: { version: 'test', host: 'web' },
    now: () => new Date(Date.UTC(2025, 0, 10, 8, 0, tick++)).toISOString(),
  });
  return { store, handlers, dataDir };
}
