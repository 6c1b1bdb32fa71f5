import { AgencyStore } from './agencies.js';
import { openDatabase, type OpenedDb } from './open.js';
import { ReportStore } from './reports.js';
import { VersionStore } from './versions.js';

export { StoreFault, backupDir } from './open.js';
export { platformDataDir, dataDirFromArgs, DB_FILE_NAME } from './paths.js';

export interface Store {
  readonly file: string;
  readonly dataDir: string;
  readonly agencies: AgencyStore;
  readonly reports: ReportStore;
  readonly versions: VersionStore;
  readonly opened: OpenedDb;
  close(): void;
}

export function openStore(dataDir: string, options: { nativeBinding?: string } = {}): Store {
  const opened = openDatabase(dataDir, options);
  return {
    file: opened.file,
    dataDir: opened.dataDir,
    agencies: new AgencyStore(opened.db),
    reports: new ReportStore(opened.db),
    versions: new VersionStore(opened.db),
    opened,
    close: () => opened.db.close(),
  };
}
