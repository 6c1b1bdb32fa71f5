import { useEffect, useMemo, useState } from 'react';
import type { Args, CarryPreview } from '../../core/api.js';
import { cellDef, cellName, formatIdForYear, rowLabel, T3_COLUMNS, type FormatId } from '../../core/format/index.js';
import { PROSE_KEYS, type ProseKey } from '../../core/report/model.js';
import { proseLabel } from '../../core/rules/context.js';
import { ApiFailure, call } from '../api/client.js';
import { lastYearForm, readLastYearFigures, type LastYearField } from '../report/carry/lastYear.js';
import '../report/carry/carry.css';

/** How the report for a year starts: from last year's (the default when there is one), blank, or from last year's figures typed in. */
export interface NewReportChoice {
  year: number;
  args: Pick<Args<'report.create'>, 'carry' | 'lastYearFigures'>;
  /** what stops the report being made this way (a figure that does not read), in Chinese */
  problem?: string;
}

type Mode = 'carry' | 'blank' | 'figures';

/**
 * The arguments of `report.create` for the year typed. When the options below the year have not
 * caught up with it yet (typed and submitted at once), last year's report is carried if there is one.
 */
export async function creationArgs(agencyId: number, year: number, choice: NewReportChoice | null): Promise<Args<'report.create'>> {
  if (choice?.year === year) {
    if (choice.problem) throw new ApiFailure('invalid_args', choice.problem);
    return { agencyId, year, ...choice.args };
  }
  const preview = await call('report.carryPreview', { agencyId, year }).catch(() => null);
  return { agencyId, year, ...(preview?.available ? { carry: true } : {}) };
}

interface Props {
  agencyId: number;
  /** the year typed, or null while it is not a year */
  year: number | null;
  onChange(choice: NewReportChoice | null): void;
}

/** 「自然人 3，商业企业 1」: carried cells named inside their row (表三) or by their full name. */
function carriedList(format: FormatId, cells: Record<string, number>): string {
  const order = T3_COLUMNS.map((c) => c.key as string);
  return Object.entries(cells)
    .sort(([a], [b]) => order.indexOf(a.split('.')[2]!) - order.indexOf(b.split('.')[2]!))
    .map(([id, v]) => {
      const def = cellDef(format, id);
      const label = def?.table === 't3' ? def.colPath.at(-1) : def ? cellName(def) : id;
      return `${label} ${v}`;
    })
    .join('，');
}

/**
 * Under the year of a new report (issue 6): 「从 N−1 年报告结转」 with a preview of what comes
 * across; without last year's report, a small form for last year's 结转 row and 现行有效件数, or
 * the way to import last year's published report.
 */
export function NewReportOptions({ agencyId, year, onChange }: Props) {
  const [preview, setPreview] = useState<CarryPreview | null>(null);
  const [mode, setMode] = useState<Mode>('blank');
  const [typed, setTyped] = useState<Record<string, string>>({});
  const format = year === null ? 'free' : formatIdForYear(year);
  const form = useMemo(() => (year === null ? null : lastYearForm(year)), [year]);

  // what last year's report would bring, once the year has stopped changing
  useEffect(() => {
    setPreview(null);
    if (year === null || format === 'free') return;
    let live = true;
    const timer = setTimeout(() => {
      void call('report.carryPreview', { agencyId, year }).then(
        (p) => {
          if (!live) return;
          setPreview(p);
          setMode(p.available ? 'carry' : 'blank');
          setTyped({});
        },
        () => undefined,
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [agencyId, year, format]);

  const read = useMemo(() => (form ? readLastYearFigures(form, typed) : null), [form, typed]);

  useEffect(() => {
    if (year === null || !preview || preview.fromYear !== year - 1) {
      onChange(null);
      return;
    }
    if (mode === 'carry' && preview.available) onChange({ year, args: { carry: true } });
    else if (mode === 'figures' && read) {
      const problems = Object.values(read.problems);
      const empty = !Object.keys(read.figures).length;
      onChange({
        year,
        args: { lastYearFigures: read.figures },
        ...(problems.length
          ? { problem: `上年数字有误：${problems[0]}` }
          : empty
            ? { problem: `请填写 ${year - 1} 年的结转数字，或选择「空白开始」` }
            : {}),
      });
    } else onChange({ year, args: {} });
  }, [year, preview, mode, read, onChange]);

  if (year === null || format === 'free' || !preview || preview.fromYear !== year - 1) return null;
  const last = preview.fromYear;
  const lastFormat = formatIdForYear(last);

  if (preview.available) {
    const t3 = Object.fromEntries(Object.entries(preview.cells).filter(([id]) => id.startsWith('t3.')));
    const t2 = Object.fromEntries(Object.entries(preview.cells).filter(([id]) => id.startsWith('t2.')));
    const sections = preview.sections.filter((k): k is ProseKey => (PROSE_KEYS as readonly string[]).includes(k));
    return (
      <fieldset className="new-report-options" aria-label={`新建 ${year} 年报告的方式`}>
        <label className="choice">
          <input type="radio" name="start" checked={mode === 'carry'} onChange={() => setMode('carry')} />
          从 {last} 年报告结转（推荐）
        </label>
        {mode === 'carry' && (
          <div className="carry-preview" aria-label="结转预览">
            <p className="muted">以下内容从 {last} 年报告带入，作为草稿，可以再改：</p>
            <ul>
              {Object.keys(t3).length > 0 && (
                <li>
                  表三「{rowLabel(format as FormatId, 't3.r2.total')}」取 {last} 年的「{rowLabel(lastFormat as FormatId, 't3.r4.total')}」：{carriedList(format as FormatId, t3)}
                </li>
              )}
              {Object.keys(t2).length > 0 && <li>表二 {carriedList(format as FormatId, t2)}（上年项目数量加本年增/减）</li>}
              {Object.keys(preview.base).length > 0 && (
                <li>
                  表二现行有效件数的上年基数（显示在今年的格下方，供核对）：
                  {Object.entries(preview.base)
                    .map(([id, v]) => `${cellDef(lastFormat as FormatId, id)?.rowPath.at(-1) ?? id} ${v}`)
                    .join('，')}
                </li>
              )}
              {sections.length > 0 && (
                <li>
                  文字：{sections.map(proseLabel).join('、')}。其中的年份和数字会标为「待更新」，逐处改为今年的或确认无需修改。
                </li>
              )}
              <li>机关信息和编制、审核、签发人（日期留空）。</li>
            </ul>
            {preview.notices.map((n) => (
              <p key={n} className="carried-notice">
                {n}
              </p>
            ))}
          </div>
        )}
        <label className="choice">
          <input type="radio" name="start" checked={mode === 'blank'} onChange={() => setMode('blank')} />
          空白开始（不带入 {last} 年的内容）
        </label>
      </fieldset>
    );
  }

  const figureInput = (f: LastYearField) => (
    <input
      aria-label={`${last}年${f.name}`}
      inputMode="numeric"
      value={typed[f.cellId] ?? ''}
      aria-invalid={Boolean(read?.problems[f.cellId])}
      onChange={(e) => setTyped((t) => ({ ...t, [f.cellId]: e.target.value }))}
    />
  );

  return (
    <fieldset className="new-report-options" aria-label={`新建 ${year} 年报告的方式`}>
      <p className="muted">
        还没有 {last} 年的报告，表三的「{rowLabel('2021', 't3.r2.total')}」无从取数。可以先<a href="#/import">导入 {last} 年公布的报告</a>，或在这里填写 {last}{' '}
        年的结转数字。
      </p>
      <label className="choice">
        <input type="radio" name="start" checked={mode === 'blank'} onChange={() => setMode('blank')} />
        空白开始
      </label>
      {form && (
        <label className="choice">
          <input type="radio" name="start" checked={mode === 'figures'} onChange={() => setMode('figures')} />
          填写 {last} 年的结转数字
        </label>
      )}
      {form && mode === 'figures' && read && (
        <div className="last-year-form" aria-label={`${last} 年的结转数字`}>
          <p className="muted">照 {last} 年报告填写；空着的格不结转。填好的数字存为 {last} 年的一份简要报告（列表中标为「导入」），用来核对今年的上年结转；以后导入 {last} 年公布的报告时可以替换它。</p>
          <table className="last-year-grid">
            <thead>
              <tr>
                <th />
                {form.row.map((f) => (
                  <th key={f.cellId}>{f.label}</th>
                ))}
                <th>{form.total.label}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th>{form.row[0]!.def.rowPath.at(-1)}</th>
                {form.row.map((f) => (
                  <td key={f.cellId}>
                    {figureInput(f)}
                  </td>
                ))}
                <td className="computed" aria-label={`${last}年${form.total.name}`}>
                  {read.total ?? ''}
                </td>
              </tr>
            </tbody>
          </table>
          {form.valid.length > 0 && (
            <p className="last-year-valid">
              {cellDef(lastFormat as FormatId, form.valid[0]!.cellId)?.colPath.at(-1)}：
              {form.valid.map((f) => (
                <label key={f.cellId}>
                  {f.label}
                  {figureInput(f)}
                </label>
              ))}
            </p>
          )}
          {Object.entries(read.problems).map(([id, message]) => (
            <p key={id} className="field-error">
              {[...form.row, ...form.valid].find((f) => f.cellId === id)?.label}：{message}
            </p>
          ))}
        </div>
      )}
    </fieldset>
  );
}
