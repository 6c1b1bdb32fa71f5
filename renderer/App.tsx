import { useCallback, useEffect, useState } from 'react';
import type { AgencyRecord, AppInfo, StoreFaultInfo } from '../core/api.js';
import { call, DAMAGED_EVENT } from './api/client.js';
import { errorMessage } from './api/errors.js';
import { BackupScreen } from './backup/BackupScreen.js';
import { navigate, useRoute } from './route.js';
import { AgencyForm } from './screens/AgencyForm.js';
import { FaultScreen } from './screens/FaultScreen.js';
import { ReportList } from './screens/ReportList.js';
import { ReportScreen } from './report/ReportScreen.js';
import { ImportScreen } from './import/ImportScreen.js';
import { CountyScreen } from './county/CountyScreen.js';
import { CollectedReport } from './county/CollectedReport.js';

const CURRENT_AGENCY = 'nianbao.agency';

type Boot =
  | { phase: 'loading' }
  | { phase: 'fault'; message: string; fault?: StoreFaultInfo }
  | { phase: 'ready'; info: AppInfo; agencies: AgencyRecord[] };

export function App() {
  const [boot, setBoot] = useState<Boot>({ phase: 'loading' });
  const [agencyId, setAgencyId] = useState<number | null>(() => Number(localStorage.getItem(CURRENT_AGENCY)) || null);
  const route = useRoute();

  const load = useCallback(async () => {
    try {
      const info = await call('app.info', {});
      if (info.fault) return setBoot({ phase: 'fault', message: info.fault.message, fault: info.fault });
      const agencies = await call('agency.list', {});
      setBoot({ phase: 'ready', info, agencies });
    } catch (err) {
      setBoot({ phase: 'fault', message: errorMessage(err) });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  // damage found while working (issue 14): the back end has stopped writing; so does the window
  useEffect(() => {
    const onDamaged = (e: Event) => {
      const message = String((e as CustomEvent).detail);
      setBoot({ phase: 'fault', message, fault: { kind: 'corrupt', message } });
    };
    window.addEventListener(DAMAGED_EVENT, onDamaged);
    return () => window.removeEventListener(DAMAGED_EVENT, onDamaged);
  }, []);

  const chooseAgency = (id: number) => {
    localStorage.setItem(CURRENT_AGENCY, String(id));
    setAgencyId(id);
  };

  if (boot.phase === 'loading') return <div className="boot">正在打开年报助手…</div>;
  if (boot.phase === 'fault') return <FaultScreen message={boot.message} {...(boot.fault ? { fault: boot.fault } : {})} onRetry={load} />;
  if (route.name === 'backups') return <BackupScreen info={boot.info} onRestored={() => void load()} />;
  // the county workspace needs no agency of its own: a county office may only collect
  if (route.name === 'county') return <CountyScreen tab={route.tab} />;
  if (route.name === 'county-report') return <CollectedReport key={route.collectedId} collectedId={route.collectedId} section={route.section} />;

  const { agencies } = boot;
  const agency = agencies.find((a) => a.id === agencyId) ?? agencies[0];

  if (!agency || route.name === 'new-agency') {
    return (
      <div className="page">
        <AgencyForm
          firstRun={!agency}
          onSaved={async (saved) => {
            chooseAgency(saved.id);
            await load();
            navigate({ name: 'reports' });
          }}
          onCancel={agency ? () => navigate({ name: 'reports' }) : undefined}
        />
      </div>
    );
  }
  if (route.name === 'agency') {
    return (
      <div className="page">
        <AgencyForm
          agency={agency}
          onSaved={async () => {
            await load();
            navigate({ name: 'reports' });
          }}
          onCancel={() => navigate({ name: 'reports' })}
        />
      </div>
    );
  }
  if (route.name === 'import') {
    return (
      <ImportScreen
        agency={agency}
        agencies={agencies}
        onAgenciesChanged={load}
        onChooseAgency={chooseAgency}
      />
    );
  }
  if (route.name === 'report') {
    return (
      <ReportScreen
        key={route.reportId}
        reportId={route.reportId}
        section={route.section}
        onAgency={(id) => id !== agency.id && chooseAgency(id)}
      />
    );
  }
  return <ReportList agency={agency} agencies={agencies} onChooseAgency={chooseAgency} info={boot.info} />;
}
