import { useState } from 'react';
import type { ReportDetail } from '../../core/api.js';
import type { SectionKey } from '../../core/format/index.js';
import { call } from '../api/client.js';
import { ReportScreen, type ReviewSource } from '../report/ReportScreen.js';
import type { ReportSession } from '../report/state/ReportSession.js';
import { navigate } from '../route.js';
import { SendBackDialog } from './SendBackDialog.js';

const SOURCE_LABELS = { signed: '定稿', draft: '草稿' } as const;

/**
 * A unit's collected report in the normal review screen, read-only: the same tables, prose and
 * findings as the office's own reports, with the county's 「退回…」 in the header.
 */
export function CollectedReport({ collectedId, section }: { collectedId: number; section: SectionKey }) {
  const [source] = useState<ReviewSource>(() => ({
    load: () => call('county.open', { collectedId }),
    href: (key) => `#/county/report/${collectedId}/${key}`,
    back: { label: '报送情况', go: () => navigate({ name: 'county', tab: 'board' }) },
    banner: '这是所属单位报来的报告，只能查看和核对，不能修改。有问题请「退回…」并写明意见。',
    tools: (detail, session, reload) => <CountyTools detail={detail} session={session} reload={reload} />,
  }));
  return <ReportScreen reportId={collectedId} section={section} review={source} />;
}

function CountyTools({ detail, session, reload }: { detail: ReportDetail; session: ReportSession; reload(): Promise<void> }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <span className="badge">收到的{SOURCE_LABELS[detail.summary.state]}</span>
      <button type="button" onClick={() => setOpen(true)}>
        退回…
      </button>
      {open && (
        <SendBackDialog
          detail={detail}
          session={session}
          onClose={() => setOpen(false)}
          onSent={() => {
            setOpen(false);
            void reload();
          }}
        />
      )}
    </>
  );
}
