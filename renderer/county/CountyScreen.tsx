import { useState } from 'react';
import type { CountySettings } from '../../core/api.js';
import { call } from '../api/client.js';
import { useFormAction } from '../components/useFormAction.js';
import { navigate, type CountyTab } from '../route.js';
import { BoardTab } from './BoardTab.js';
import { ChecksTab } from './ChecksTab.js';
import { RollupTab } from './RollupTab.js';
import { UnitsTab } from './UnitsTab.js';
import { useCountyYear, useLoad } from './useCounty.js';
import './county.css';
import { FormFooter } from '../components/FormFooter.js';

const TABS: { key: CountyTab; label: string }[] = [
  { key: 'board', label: '报送情况' },
  { key: 'units', label: '所属单位' },
  { key: 'checks', label: '跨单位核对' },
  { key: 'rollup', label: '全县汇总' },
];

/**
 * The county workspace (issue 15): the units' reports collected, checked and rolled up, in four
 * tabs. The first visit asks for the workspace's name (「某某县」) and the deadline it sets its
 * townships.
 */
export function CountyScreen({ tab }: { tab: CountyTab }) {
  const settings = useLoad(() => call('county.settings', {}), []);
  const [year, setYear] = useCountyYear();
  const [editing, setEditing] = useState(false);
  if (settings.error) return <div className="boot">{settings.error}</div>;
  if (!settings.value) return <div className="boot">正在打开…</div>;
  const s = settings.value;
  const needsSetup = !s.name || editing;
  return (
    <div className="page county">
      <header className="topbar">
        <button className="back" onClick={() => navigate({ name: 'reports' })}>
          ‹ 报告列表
        </button>
        <div className="brand">{s.name || '本级'} · 所属单位年报</div>
        <label className="county-year">
          年度
          <input type="number" min={2019} max={2100} value={year} aria-label="年度" onChange={(e) => Number(e.target.value) > 2000 && setYear(Number(e.target.value))} />
        </label>
        <nav className="topbar-actions">
          <button onClick={() => setEditing(true)}>设置</button>
        </nav>
      </header>
      {needsSetup ? (
        <SettingsForm settings={s} onSaved={() => (setEditing(false), void settings.reload())} onCancel={s.name ? () => setEditing(false) : undefined} />
      ) : (
        <>
          <nav className="county-tabs" role="tablist" aria-label="工作台">
            {TABS.map((t) => (
              <a key={t.key} role="tab" aria-selected={t.key === tab} className={t.key === tab ? 'active' : undefined} href={`#/county/${t.key}`}>
                {t.label}
              </a>
            ))}
          </nav>
          <main className="county-body" role="tabpanel">
            {tab === 'board' && <BoardTab key={year} year={year} />}
            {tab === 'units' && <UnitsTab />}
            {tab === 'checks' && <ChecksTab key={year} year={year} />}
            {tab === 'rollup' && <RollupTab key={year} year={year} />}
          </main>
        </>
      )}
    </div>
  );
}

function SettingsForm({ settings, onSaved, onCancel }: { settings: CountySettings; onSaved(): void; onCancel?: () => void }) {
  const [form, setForm] = useState(settings);
  const action = useFormAction();
  return (
    <form
      className="card"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await action.run(() => call('county.settings.save', form))) onSaved();
      }}
    >
      <h1>收集所属单位年报：设置</h1>
      <p className="muted">在这里收取所属乡镇、街道、部门的年度报告，查看报送和公布情况，核对、汇总，全程不需要联网。</p>
      <label>
        本级名称
        <input autoFocus value={form.name} placeholder="例如：某某县" onChange={(e) => setForm({ ...form, name: e.target.value })} />
      </label>
      <label>
        乡镇、街道的公布期限（月-日）
        <input value={form.townshipDeadline} onChange={(e) => setForm({ ...form, townshipDeadline: e.target.value })} />
        <small className="muted">条例规定部门 1 月 31 日前、县级人民政府 3 月 31 日前公布；乡镇、街道的期限由本级规定。</small>
      </label>
      <label>
        收件文件夹（可不填）
        <input value={form.inbox} placeholder="例如 U 盘上的「年报收件」文件夹" onChange={(e) => setForm({ ...form, inbox: e.target.value })} />
      </label>
      <FormFooter error={action.error} busy={action.busy} submit="保存" onCancel={onCancel} />
    </form>
  );
}
