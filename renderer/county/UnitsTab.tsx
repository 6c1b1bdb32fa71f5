import { useState } from 'react';
import type { UnitRecord } from '../../core/api.js';
import { AGENCY_LEVEL_LABELS, AGENCY_LEVELS, type AgencyLevel } from '../../core/report/model.js';
import { call } from '../api/client.js';
import { errorMessage } from '../api/errors.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { useFormAction } from '../components/useFormAction.js';
import { readFile } from './files.js';
import { useLoad } from './useCounty.js';
import { FormFooter } from '../components/FormFooter.js';

const BLANK: Omit<UnitRecord, 'id'> = { name: '', level: 'township', code: '', mustReport: true, contact: '' };

/** 「所属单位」: the roster, by hand or imported from .xlsx / .csv; units are also learnt from what they send. */
export function UnitsTab() {
  const units = useLoad(() => call('county.units', {}), []);
  const [editing, setEditing] = useState<(Omit<UnitRecord, 'id'> & { id?: number }) | null>(null);
  const [removing, setRemoving] = useState<UnitRecord | null>(null);
  const [message, setMessage] = useState('');
  const list = units.value ?? [];
  const names = new Map(list.map((u) => [u.id, u.name]));

  const importRoster = async (file: File | undefined) => {
    if (!file) return;
    try {
      const r = await call('county.roster.import', { file: await readFile(file) });
      setMessage(`名单已导入：新增 ${r.added} 个，更新 ${r.updated} 个。${r.problems.join('；')}`);
      await units.reload();
    } catch (err) {
      setMessage(errorMessage(err));
    }
  };

  return (
    <div className="units">
      <div className="board-tools">
        <button type="button" className="primary" onClick={() => setEditing({ ...BLANK })}>
          添加单位
        </button>
        <label className="file-pick">
          导入名单（Excel 或 CSV）…
          <input type="file" accept=".xlsx,.csv,.txt" aria-label="导入名单" onChange={(e) => void importRoster(e.target.files?.[0])} />
        </label>
        <span className="muted">名单第一行写列名：单位名称、类型、上级单位、统一社会信用代码、是否应报、联系人。</span>
      </div>
      {message && <p role="status">{message}</p>}
      {units.error && <p className="error">{units.error}</p>}
      {editing && <UnitForm unit={editing} units={list} onDone={() => (setEditing(null), void units.reload())} onCancel={() => setEditing(null)} />}
      <table className="board-table" aria-label="所属单位">
        <thead>
          <tr>
            <th>单位</th>
            <th>类型</th>
            <th>上级单位</th>
            <th>代码</th>
            <th>应报</th>
            <th>联系人</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {list.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{AGENCY_LEVEL_LABELS[u.level]}</td>
              <td>{u.parentId ? names.get(u.parentId) : ''}</td>
              <td>{u.code}</td>
              <td>{u.mustReport ? '是' : '否'}</td>
              <td>{u.contact}</td>
              <td>
                <button type="button" onClick={() => setEditing(u)}>
                  修改
                </button>
                <button type="button" className="link-danger" onClick={() => setRemoving(u)}>
                  删除
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {removing && (
        <ConfirmDialog
          title={`删除单位「${removing.name}」？`}
          confirmLabel="删除"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={async () => {
            await call('county.unit.remove', { id: removing.id, confirm: true });
            setRemoving(null);
            await units.reload();
          }}
        >
          <p>这个单位收到的报告也一并删除。</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function UnitForm({ unit, units, onDone, onCancel }: { unit: Omit<UnitRecord, 'id'> & { id?: number }; units: UnitRecord[]; onDone(): void; onCancel(): void }) {
  const [form, setForm] = useState(unit);
  const action = useFormAction();
  return (
    <form
      className="card unit-form"
      aria-label="单位信息"
      onSubmit={async (e) => {
        e.preventDefault();
        const { id, ...rest } = form;
        const payload = { name: rest.name, level: rest.level, code: rest.code, mustReport: rest.mustReport, contact: rest.contact, ...(rest.parentId ? { parentId: rest.parentId } : {}) };
        if (await action.run(() => call('county.unit.save', { ...(id ? { id } : {}), unit: payload }))) onDone();
      }}
    >
      <label>
        单位全称
        <input autoFocus value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      </label>
      <label>
        类型
        <select value={form.level} onChange={(e) => setForm({ ...form, level: e.target.value as AgencyLevel })}>
          {AGENCY_LEVELS.map((l) => (
            <option key={l} value={l}>
              {AGENCY_LEVEL_LABELS[l]}
            </option>
          ))}
        </select>
      </label>
      <label>
        上级单位
        <select value={form.parentId ?? ''} onChange={(e) => setForm({ ...form, ...(e.target.value ? { parentId: Number(e.target.value) } : { parentId: undefined }) })}>
          <option value="">（无）</option>
          {units
            .filter((u) => u.id !== form.id)
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
        </select>
      </label>
      <label>
        统一社会信用代码或编号
        <input value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} />
      </label>
      <label>
        联系人和电话
        <input value={form.contact} onChange={(e) => setForm({ ...form, contact: e.target.value })} />
      </label>
      <label className="check">
        <input type="checkbox" checked={form.mustReport} onChange={(e) => setForm({ ...form, mustReport: e.target.checked })} />
        应当报送年度报告
      </label>
      <FormFooter error={action.error} busy={action.busy} submit="保存" onCancel={onCancel} />
    </form>
  );
}
