import { useMemo, useState } from 'react';
import { agencySchema, type AgencyRecord, type ImportConfirmed, type ImportParsed } from '../../core/api.js';
import { cellDef, FORMATS } from '../../core/format/index.js';
import { AGENCY_LEVEL_LABELS, AGENCY_LEVELS, normaliseNumberText, type AgencyLevel, type ReportData } from '../../core/report/index.js';
import { checkReport } from '../../core/rules/index.js';
import { ApiFailure, call } from '../api/client.js';
import { errorMessage } from '../api/errors.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { formatLabel } from '../labels.js';
import { confirmReport } from './args.js';
import { FindingsList } from './FindingsList.js';
import { agencyFromReport, confirmTarget, defaultTarget, proseParts, withFormat, type Target } from './review.js';
import { ReviewTables, type CellEdits } from './ReviewTables.js';
import { SourcePane } from './SourcePane.js';

interface Props {
  parsed: ImportParsed;
  origin: string;
  agency: AgencyRecord;
  agencies: AgencyRecord[];
  onBack: () => void;
  onConfirmed: (confirmed: ImportConfirmed) => Promise<void>;
}

const FORMAT_CHOICES: ReportData['format'][] = ['2021', '2019', 'free'];

function readYear(text: string): number | null {
  const n = Number(normaliseNumberText(text));
  return Number.isInteger(n) && n >= 2008 && n <= 2100 ? n : null;
}

/** Step 2: the parsed report beside its source; the clerk corrects and confirms. */
export function ReviewStep({ parsed, origin, agency, agencies, onBack, onConfirmed }: Props) {
  const { detected } = parsed;
  const [report, setReport] = useState<ReportData>(parsed.report);
  const [edits, setEdits] = useState<CellEdits>({ texts: {}, errors: {}, changed: new Set() });
  const [yearText, setYearText] = useState(detected.year ? String(detected.year) : '');
  const [target, setTargetState] = useState<Target>(() => defaultTarget(detected.agencyName, agency, agencies));
  // a report that names another agency: nothing is chosen for the clerk, they say where it goes (issue 12)
  const [chosen, setChosen] = useState(() => target.kind === 'current');
  const setTarget = (next: Target) => {
    setTargetState(next);
    setChosen(true);
  };
  const suggested = useMemo(() => defaultTarget(detected.agencyName, agency, agencies), []);
  const [newName, setNewName] = useState(detected.agencyName);
  const [newLevel, setNewLevel] = useState<AgencyLevel | ''>(detected.level ?? '');
  const [formatNote, setFormatNote] = useState('');
  const [focused, setFocused] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState('');
  const [askReplace, setAskReplace] = useState('');

  const year = readYear(yearText);
  const others = agencies.filter((a) => a.id !== agency.id);
  const existing = target.kind === 'existing' ? agencies.find((a) => a.id === target.id) : undefined;
  const owner = target.kind === 'current' ? agency : existing;
  const ownerName = owner?.name ?? newName.trim();
  const ownerLevel: AgencyLevel = owner?.level ?? (newLevel || 'other');
  // the rules read the report as it would be stored: this year, this agency's level (several
  // rules depend on the year: without one there is nothing sensible to check)
  const findings = useMemo(
    () => (year ? checkReport({ ...report, year, agency: { ...report.agency, name: ownerName, level: ownerLevel } }) : null),
    [report, year, ownerName, ownerLevel],
  );
  const uncertain = useMemo(() => new Set(parsed.uncertain), [parsed.uncertain]);
  // uncertain cells the clerk has not touched: not a reason to refuse (most are right), but said
  const format = report.format;
  const unchecked = format === 'free' ? 0 : parsed.uncertain.filter((id) => !edits.changed.has(id) && cellDef(format, id)).length;
  const parts = proseParts(report);
  const badCells = Object.keys(edits.errors).length;

  const problems: string[] = [];
  if (!chosen) problems.push(`原文的发布机关「${detected.agencyName}」不是当前机关「${agency.name}」：请在「导入到」里选择导入到哪个机关`);
  if (!year) problems.push('请填写报告年度（数字所属的年份，例如 2023）');
  if (target.kind === 'new' && !newName.trim()) problems.push('请填写新机关的全称');
  if (target.kind === 'new' && !newLevel) problems.push('请选择新机关的类型');
  const newAgency = agencyFromReport(report, newName, newLevel || 'other');
  const agencyCheck = agencySchema.safeParse(newAgency);
  if (target.kind === 'new' && newName.trim() && !agencyCheck.success) problems.push(`新机关：${agencyCheck.error.issues[0]?.message ?? '信息不完整'}`);
  if (badCells) problems.push(`有 ${badCells} 格填的不是有效的数字，请改正（红框）`);

  const changeFormat = (format: ReportData['format']) => {
    const next = withFormat(report, format);
    setReport(next.report);
    setEdits({ texts: {}, errors: {}, changed: new Set() });
    setFormatNote(
      next.dropped ? `改为「${formatLabel(format)}」后，有 ${next.dropped} 格数字在这个格式中没有对应的位置，已去掉。` : '',
    );
  };

  const confirm = async (replace?: true) => {
    if (problems.length || !year) return;
    setAskReplace('');
    setSaving(true);
    setFailure('');
    try {
      const done = await call('import.confirm', {
        report: confirmReport({ ...report, year }),
        target: confirmTarget(target, agency, newAgency),
        ...(replace ? { replace } : {}),
      });
      await onConfirmed(done);
    } catch (err) {
      const message = errorMessage(err);
      // a year the agency already has: ask before replacing, never replace silently
      if (err instanceof ApiFailure && err.code === 'conflict' && target.kind !== 'new' && !replace) setAskReplace(message);
      else setFailure(message);
      setSaving(false);
    }
  };

  const warnings = parsed.warnings;
  const loud = warnings.filter((w) => w.startsWith('【请注意】'));
  const quiet = warnings.filter((w) => !w.startsWith('【请注意】'));

  return (
    <>
      <div className="import-review">
        <div className="import-main">
          <section className="import-facts" aria-label="读到的基本信息">
            <p className="muted import-origin">来源：{origin}</p>
            <div className="import-fact-row">
              <label className="field">
                <span>报告年度</span>
                <span className="import-year">
                  <input aria-label="报告年度" value={yearText} inputMode="numeric" onChange={(e) => setYearText(e.target.value)} aria-invalid={!year} />年
                </span>
                <small className="muted">数字所属的年份，不是发布日期</small>
              </label>
              <label className="field">
                <span>格式</span>
                <select aria-label="格式" value={report.format} onChange={(e) => changeFormat(e.target.value as ReportData['format'])}>
                  {FORMAT_CHOICES.map((f) => (
                    <option key={f} value={f}>
                      {f === 'free' ? '自由格式（没有统计表）' : `${FORMATS[f].name}（${FORMATS[f].notice}）`}
                    </option>
                  ))}
                </select>
                <small className="muted">按原文表格实际使用的格式</small>
              </label>
            </div>
            {formatNote ? <p className="import-note">{formatNote}</p> : null}

            <fieldset className="field import-target">
              <legend>导入到</legend>
              <p className="muted">原文的发布机关：{detected.agencyName ? `「${detected.agencyName}」` : '没有找到'}</p>
              {!chosen ? (
                <p className="import-ask" role="note">
                  这份报告的发布机关不是当前机关「{agency.name}」。请选择：导入到当前机关，还是导入到「{detected.agencyName}」（已有的机关，或新建）。当前机关不会因为导入而改变。
                </p>
              ) : null}
              <label className="choice">
                <input type="radio" name="target" checked={chosen && target.kind === 'current'} onChange={() => setTarget({ kind: 'current' })} />
                当前机关「{agency.name}」
              </label>
              {others.length ? (
                <span className="choice">
                  <input
                    type="radio"
                    name="target"
                    aria-label="已有的其他机关"
                    checked={chosen && target.kind === 'existing'}
                    onChange={() => setTarget({ kind: 'existing', id: suggested.kind === 'existing' ? suggested.id : others[0]!.id })}
                  />
                  已有的其他机关
                  <select
                    aria-label="选择已有的机关"
                    value={chosen && target.kind === 'existing' ? target.id : ''}
                    onChange={(e) => setTarget({ kind: 'existing', id: Number(e.target.value) })}
                  >
                    {chosen && target.kind === 'existing' ? null : <option value="">请选择</option>}
                    {others.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                      </option>
                    ))}
                  </select>
                </span>
              ) : null}
              <label className="choice">
                <input type="radio" name="target" checked={chosen && target.kind === 'new'} onChange={() => setTarget({ kind: 'new' })} />
                新建机关
              </label>
              {chosen && target.kind === 'new' ? (
                <div className="import-new-agency">
                  <label className="field">
                    <span>机关全称</span>
                    <input aria-label="新机关全称" value={newName} onChange={(e) => setNewName(e.target.value)} />
                  </label>
                  <label className="field">
                    <span>机关类型</span>
                    <select aria-label="新机关类型" value={newLevel} onChange={(e) => setNewLevel(e.target.value as AgencyLevel)}>
                      <option value="">请选择</option>
                      {AGENCY_LEVELS.map((l) => (
                        <option key={l} value={l}>
                          {AGENCY_LEVEL_LABELS[l]}
                        </option>
                      ))}
                    </select>
                  </label>
                </div>
              ) : null}
            </fieldset>
          </section>

          {warnings.length ? (
            <section className="import-warnings" aria-label="读取时的提醒">
              <h2>读取时的提醒</h2>
              <ul>
                {[...loud, ...quiet].map((w, i) => (
                  <li key={i} className={w.startsWith('【请注意】') ? 'loud' : undefined}>
                    {w}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {report.format === 'free' ? (
            <p className="empty">自由格式（2019 年以前）的报告没有统一的统计表，只导入文字部分。</p>
          ) : (
            <ReviewTables
              report={report}
              format={report.format}
              uncertain={uncertain}
              findings={findings ?? []}
              unchecked={unchecked}
              edits={edits}
              onEdit={(next, cells) => {
                setEdits(next);
                setReport((r) => ({ ...r, cells }));
              }}
              onFocusCell={setFocused}
            />
          )}

          <section className="import-texts" aria-label="文字部分">
            <h2>文字部分</h2>
            {parts.length ? (
              <>
                <p className="muted">导入后可以在报告里逐段修改。</p>
                {parts.map((p) => (
                  <details key={p.key}>
                    <summary>
                      {p.label}
                      <span className="muted">（{p.text.length} 字）</span>
                    </summary>
                    <div className="import-prose">{p.text}</div>
                  </details>
                ))}
              </>
            ) : (
              <p className="muted">没有读到文字部分。</p>
            )}
          </section>
        </div>

        {/* beside the tables, so that findings coming and going never move the cell being typed in */}
        <div className="import-side">
          <FindingsList findings={findings} onGo={(cellId) => focusCell(cellId)} />
          <SourcePane text={parsed.normalizedText} report={report} focusedCell={focused} />
        </div>
      </div>

      <footer className="import-actions">
        <div className="import-actions-status">
          {failure ? (
            <p className="form-error" role="alert">
              {failure}
            </p>
          ) : problems.length ? (
            <p className="form-error">{problems[0]}</p>
          ) : (
            <p className="muted">
              将保存为「{ownerName}」{year} 年报告，标记为「导入」，数字按原文保存。
              {unchecked ? <strong className="import-unchecked">还有 {unchecked} 格标黄的没有改动过，请确认已对照原文核对。</strong> : null}
            </p>
          )}
        </div>
        <button onClick={onBack} disabled={saving}>
          重新选择
        </button>
        <button className="primary" onClick={() => void confirm()} disabled={saving || problems.length > 0}>
          {saving ? '正在保存…' : '确认导入'}
        </button>
      </footer>

      {askReplace ? (
        <ConfirmDialog title={`替换 ${year} 年报告？`} confirmLabel="替换为导入的报告" danger onConfirm={() => void confirm(true)} onCancel={() => setAskReplace('')}>
          <p>{askReplace}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

/** Takes the clerk to a cell named by a finding. */
function focusCell(cellId: string): void {
  const input = document.querySelector<HTMLInputElement>(`input.import-cell[data-cell="${cellId}"]`);
  input?.scrollIntoView({ block: 'center' });
  input?.focus();
}
