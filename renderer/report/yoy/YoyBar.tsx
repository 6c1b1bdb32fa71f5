import { cellDef, type TableDef } from '../../../core/format/index.js';
import type { ReportData, ReportFigures } from '../../../core/report/index.js';
import { shownValue, signedChange, signedPct, topChanges, type YoyFigure } from './compare.js';
import { setYoyShown, useYoyShown } from './toggle.js';
import './yoy.css';

interface Props {
  table: TableDef;
  data: ReportFigures;
  previous: ReportData | undefined;
  /** this table against last year's, while the switch is on */
  figures: Map<string, YoyFigure> | undefined;
}

/**
 * 「对比上年」 above a table: the switch, and while it is on, what changed most in this table and
 * how many figures jumped. Last year's figures themselves show in the cells.
 */
export function YoyBar({ table, data, previous, figures }: Props) {
  const on = useYoyShown();
  const lastYear = data.year - 1;
  if (data.format === 'free') return null;
  const format = data.format;
  if (!previous) {
    return (
      <div className="yoy-bar">
        <label className="yoy-switch muted" title={`没有 ${lastYear} 年的报告可以对比`}>
          <input type="checkbox" disabled checked={false} onChange={() => undefined} />
          对比上年
        </label>
        <span className="muted">
          没有 {lastYear} 年的报告可以对比。可以<a href="#/import">导入去年公布的报告</a>。
        </span>
      </div>
    );
  }
  const acrossFormats = previous.format !== format && table.id === 't2';
  const top = figures ? topChanges(table, figures) : [];
  const jumps = figures ? [...figures.values()].filter((f) => f.jump) : [];
  const kind = (id: string) => cellDef(format, id)?.kind ?? 'count';
  return (
    <div className="yoy-bar">
      <label className="yoy-switch">
        <input type="checkbox" checked={on} onChange={(e) => setYoyShown(e.target.checked)} />
        对比上年（{lastYear} 年）
      </label>
      {on && acrossFormats && (
        <p className="muted yoy-note">
          表二自 2021 年起改用新格式，栏目含义已变，不能与 {lastYear} 年逐项比较。
        </p>
      )}
      {on && !acrossFormats && figures && (
        <section className="yoy-summary" aria-label="与上年相比变化最大的">
          {top.length === 0 ? (
            <p className="muted">这张表与 {lastYear} 年相比没有变化。</p>
          ) : (
            <>
              <h3>与 {lastYear} 年相比变化最大的</h3>
              <ol>
                {top.map((t) => {
                  const pct = signedPct(t);
                  return (
                    <li key={t.id} className={t.jump ? 'jump' : undefined}>
                      <span className="yoy-name">{t.name}</span>{' '}
                      <span className="yoy-values">
                        {shownValue(kind(t.id), t.last)} → {shownValue(kind(t.id), t.now)}（{signedChange(kind(t.id), t.change)}
                        {pct ? `，${pct}` : ''}）
                      </span>
                      {t.jump && <span className="yoy-flag">跳变</span>}
                    </li>
                  );
                })}
              </ol>
            </>
          )}
          {jumps.length > 0 && (
            <p className="yoy-jumps" role="note">
              有 {jumps.length} 个数字与上年相比超过 5 倍或不到五分之一（两年都大于 10），已标「跳变」，请核对是否填错。
            </p>
          )}
        </section>
      )}
    </div>
  );
}
