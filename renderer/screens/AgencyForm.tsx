import { useEffect, useState, type FormEvent } from 'react';
import { agencySchema, type AgencyRecord } from '../../core/api.js';
import { AGENCY_LEVEL_LABELS, emptyAgency, type Agency, type AgencyLevel } from '../../core/report/model.js';
import { DEADLINES } from '../../core/rules/document.js';
import { parseDeadline } from '../../core/rules/index.js';
import { call } from '../api/client.js';
import { errorMessage } from '../api/errors.js';

/** The levels the form offers; city and province bodies choose 「其他」. */
const LEVEL_CHOICES: AgencyLevel[] = ['township', 'street', 'county', 'department', 'other'];

type Field = 'name' | 'level' | 'region' | 'address' | 'postcode' | 'phone' | 'email' | 'website';

function errorsOf(agency: Agency): Partial<Record<Field, string>> {
  const parsed = agencySchema.safeParse(agency);
  if (parsed.success) return {};
  const errors: Partial<Record<Field, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path.at(-1) as Field;
    errors[field] ??= issue.message;
  }
  return errors;
}

interface Props {
  agency?: AgencyRecord;
  firstRun?: boolean;
  onSaved: (agency: AgencyRecord) => void | Promise<void>;
  onCancel?: (() => void) | undefined;
}

export function AgencyForm({ agency, firstRun, onSaved, onCancel }: Props) {
  const [value, setValue] = useState<Agency>(() => {
    if (!agency) return emptyAgency();
    const { id: _i, createdAt: _c, updatedAt: _u, ...rest } = agency;
    return rest;
  });
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState('');
  // the publication deadline local rules set (rule G-3); kept apart from the agency's printed details
  const [deadline, setDeadline] = useState('');
  const [savedDeadline, setSavedDeadline] = useState('');
  useEffect(() => {
    if (!agency) return;
    void call('agency.deadline', { agencyId: agency.id }).then(
      (d) => (setDeadline(d.deadline), setSavedDeadline(d.deadline)),
      () => undefined,
    );
  }, [agency?.id]);
  const deadlineError = deadline.trim() && !parseDeadline(deadline) ? '发布期限请写成 月-日，例如 1-20；不填就按条例规定的期限' : '';
  const statutory = DEADLINES[value.level];
  const errors = errorsOf(value);
  const shown = (f: Field) => ((submitted || touched[f]) && errors[f]) || '';

  const set = (f: Field, v: string) => {
    setValue((old) =>
      f === 'address' || f === 'postcode' || f === 'phone' || f === 'email'
        ? { ...old, contact: { ...old.contact, [f]: v } }
        : { ...old, [f]: v },
    );
  };
  const get = (f: Field): string =>
    f === 'address' || f === 'postcode' || f === 'phone' || f === 'email' ? value.contact[f] : String(value[f]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (Object.keys(errors).length || deadlineError) return;
    setSaving(true);
    setFailure('');
    try {
      const saved = agency
        ? await call('agency.update', { id: agency.id, agency: value })
        : await call('agency.create', { agency: value });
      if (deadline.trim() !== savedDeadline) {
        const d = await call('agency.deadline.save', { agencyId: saved.id, deadline: deadline.trim() });
        setDeadline(d.deadline);
        setSavedDeadline(d.deadline);
      }
      await onSaved(saved);
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const input = (f: Field, label: string, props: { placeholder?: string; required?: boolean; inputMode?: 'numeric' | 'tel' | 'email' } = {}) => (
    <label className={`field ${shown(f) ? 'invalid' : ''}`}>
      <span>
        {label}
        {props.required ? <em className="required">（必填）</em> : null}
      </span>
      <input
        name={f}
        value={get(f)}
        placeholder={props.placeholder}
        inputMode={props.inputMode}
        aria-invalid={Boolean(shown(f))}
        onChange={(e) => set(f, e.target.value)}
        // an empty field is only called out on 保存: leaving it empty on the way to 取消 must not
        // push the buttons down under the pointer
        onBlur={() => get(f).trim() && setTouched((t) => ({ ...t, [f]: true }))}
      />
      {shown(f) ? <small className="field-error">{shown(f)}</small> : null}
    </label>
  );

  return (
    <form className="card agency-form" onSubmit={submit} noValidate>
      <h1>{firstRun ? '欢迎使用年报助手' : agency ? '机关信息' : '添加机关'}</h1>
      {firstRun ? (
        <p className="lead">先填写编制年报的机关。这些信息会用在报告标题、导语和落款中，以后可以随时修改。</p>
      ) : null}
      {input('name', '机关全称', { placeholder: '例如：某某县某某镇人民政府', required: true })}
      <fieldset className="field">
        <legend>机关类型</legend>
        <div className="choices">
          {LEVEL_CHOICES.map((level) => (
            <label key={level} className="choice">
              <input type="radio" name="level" checked={value.level === level} onChange={() => set('level', level)} />
              {AGENCY_LEVEL_LABELS[level]}
            </label>
          ))}
        </div>
      </fieldset>
      {input('region', '所在地区', { placeholder: '例如：湖南省长沙市浏阳市' })}
      <div className="field-row">
        {input('address', '通讯地址')}
        {input('postcode', '邮政编码', { placeholder: '6 位数字', inputMode: 'numeric' })}
      </div>
      <div className="field-row">
        {input('phone', '联系电话', { inputMode: 'tel' })}
        {input('email', '电子邮箱', { inputMode: 'email' })}
      </div>
      {input('website', '政府网站', { placeholder: '报告电子版所在的网站，例如 www.example.gov.cn' })}
      <div className={`field ${submitted && deadlineError ? 'invalid' : ''}`}>
        <label htmlFor="agency-deadline">本地规定的发布期限（可不填）</label>
        <input
          id="agency-deadline"
          name="deadline"
          value={deadline}
          placeholder={statutory ? `不填按条例：次年${statutory[0]}月${statutory[1]}日前` : '例如 1-20'}
          aria-invalid={Boolean(submitted && deadlineError)}
          aria-describedby="agency-deadline-hint"
          onChange={(e) => setDeadline(e.target.value)}
        />
        {/* outside the label, so that the field's name stays short for screen readers */}
        <small id="agency-deadline-hint" className={submitted && deadlineError ? 'field-error' : 'muted'}>
          {submitted && deadlineError
            ? deadlineError
            : statutory
              ? `写成 月-日。当地要求比条例（次年${statutory[0]}月${statutory[1]}日）更早时填写，落款日期按它核对。`
              : '写成 月-日。本类机关没有条例规定的期限，填上当地规定的期限，落款日期就按它核对。'}
        </small>
      </div>
      {failure ? (
        <p className="form-error" role="alert">
          {failure}
        </p>
      ) : null}
      {submitted && Object.keys(errors).length + (deadlineError ? 1 : 0) ? (
        <p className="form-error" role="alert">
          还有 {Object.keys(errors).length + (deadlineError ? 1 : 0)} 处需要改正，见上方红字。
        </p>
      ) : null}
      <div className="actions">
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            取消
          </button>
        ) : null}
        <button type="submit" className="primary" disabled={saving}>
          {saving ? '正在保存…' : firstRun ? '保存，开始编制' : '保存'}
        </button>
      </div>
    </form>
  );
}
