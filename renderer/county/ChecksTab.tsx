import { call } from '../api/client.js';
import { useLoad } from './useCounty.js';

const KIND_LABELS = { 'parent-sum': '上级与所属单位合计', outlier: '与同类单位差别很大', copy: '文字雷同' } as const;

/**
 * 「跨单位核对」: what no single report shows — a parent whose figures are not the sum of its
 * units (a warning: a county's own report may hold its own figures only), a unit far from its
 * peers, and text copied between units, with the shared passages side by side.
 */
export function ChecksTab({ year }: { year: number }) {
  const checks = useLoad(() => call('county.checks', { year }), [year]);
  if (checks.error) return <p className="error">{checks.error}</p>;
  if (!checks.value) return <p className="muted">正在核对…</p>;
  const { findings, copies } = checks.value;
  return (
    <div className="checks">
      <p className="muted">各单位自己的规则核对结果见「报送情况」的错误/警告数，点单位名称查看。这里是跨单位的核对。</p>
      {findings.length === 0 && <p>没有发现跨单位的问题。</p>}
      {(['parent-sum', 'outlier'] as const).map((kind) => {
        const list = findings.filter((f) => f.kind === kind);
        return list.length ? (
          <section key={kind} aria-label={KIND_LABELS[kind]}>
            <h3>
              {KIND_LABELS[kind]}（{list.length}）
            </h3>
            <ul className="cross-findings">
              {list.map((f, i) => (
                <li key={i} className={f.severity}>
                  <span className="badge">{f.severity === 'warning' ? '警告' : '提示'}</span> {f.message}
                </li>
              ))}
            </ul>
          </section>
        ) : null;
      })}
      {copies.length > 0 && (
        <section aria-label="文字雷同">
          <h3>文字雷同（{copies.length}）</h3>
          <p className="muted">不计格式规定的标题、表格名称和标准导语，也不计多数单位都用的常见说法。</p>
          {copies.map((c, i) => (
            <article key={i} className="copy-pair" aria-label={`${c.aName}与${c.bName}`}>
              <h4>
                {c.aName} ↔ {c.bName} · {c.sectionLabel} · 相同 {Math.round(c.share * 100)}%（{c.sharedChars} 字）
              </h4>
              <div className="side-by-side">
                <div>
                  <strong>{c.aName}</strong>
                  {c.passages.map((p, k) => (
                    <p key={k}>
                      <mark>{p.a}</mark>
                    </p>
                  ))}
                </div>
                <div>
                  <strong>{c.bName}</strong>
                  {c.passages.map((p, k) => (
                    <p key={k}>
                      <mark>{p.b}</mark>
                    </p>
                  ))}
                </div>
              </div>
            </article>
          ))}
        </section>
      )}
    </div>
  );
}
