import { useState } from 'react';
import type { BoardRow } from '../../core/api.js';
import { call } from '../api/client.js';
import { DateField } from '../components/DateField.js';
import { Dialog } from '../components/Dialog.js';
import { useFormAction } from '../components/useFormAction.js';
import { FormFooter } from '../components/FormFooter.js';

/** 「登记公布」: the date the unit published its report and the address it is at. */
export function PublishDialog({ row, onClose, onSaved }: { row: BoardRow; onClose(): void; onSaved(): void }) {
  const [date, setDate] = useState(row.publishedOn ?? '');
  const [url, setUrl] = useState(row.publishedUrl ?? '');
  const action = useFormAction();
  return (
    <Dialog
      title={`登记公布：${row.unit.name}`}
      onClose={onClose}
      onSubmit={async (e) => {
        e.preventDefault();
        if (await action.run(() => call('county.published', { collectedId: row.collectedId!, publishedOn: date, publishedUrl: url }))) onSaved();
      }}
    >
      <label>
        公布日期
        <DateField autoFocus value={date} aria-label="公布日期" onChange={setDate} />
      </label>
      <label>
        公布地址
        <input value={url} aria-label="公布地址" placeholder="网上公布的网址" onChange={(e) => setUrl(e.target.value)} />
      </label>
      <p className="muted">公布期限 {row.deadline}。日期留空表示还没有公布。</p>
      <FormFooter error={action.error} busy={action.busy} submit="保存" onCancel={onClose} />
    </Dialog>
  );
}
