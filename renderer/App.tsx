import { useCallback, useEffect, useState } from 'react';
import type { AgencyRecord, AppInfo } from '../core/api.js';
import { ApiFailure, call } from './api/client.js';
import { navigate, useRoute } from './route.js';
import { AgencyForm } from './screens/AgencyForm.js';
import { FaultScreen } from './screens/FaultScreen.js';
import { ReportList } from './screens/ReportList.js';
import { ReportScreen } from './report/ReportScreen.js';
import { ImportScreen } from './import/ImportScreen.js';

const CURRENT_AGENCY = 'nianbao.agency';

type Boot =
  | { phase: 'loading' }
  | { phase: 'fault'; message: string }
  | { phase: 'ready'; info: AppInfo; agencies: AgencyRecord[] };

export function App() {
  const [boot, setBoot] = useState<Boot>({ phase: 'loading' });
  const [agencyId, setAgencyId] = useState<number | null>(() => Number(localStorage.getItem(CURRENT_AGENCY)) || null);
  const route = useRoute();

  const load = useCallback(async () => {
    try {
      const info = await call('app.info', {});
      const agencies = await call('agency.list', {});
      setBoot({ phase: 'ready', info, agencies });
    } catch (err) {
      setBoot({ phase: 'fault', message: err instanceof ApiFailure ? err.message : String(err) });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const chooseAgency = (id: number) => {
    localStorage.setItem(CURRENT_AGENCY, String(id));
    setAgencyId(id);
  };

  if (boot.phase === 'loading') return <div className="boot">正在打开年报助手…</div>;
  if (boot.phase === 'fault') return <FaultScreen message={boot.message} onRetry={load} />;

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
        onAgencyChanged={async (id) => {
          chooseAgency(id);
          await load();
        }}
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
