import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, type Severity } from '../../../core/rules/index.js';

/**
 * Every rule of spec §3 (report-format.md) exists with the severity the spec gives it; read from
 * the spec itself so that a rule left out (G-3 once was) or given another severity is caught.
 */
const SPEC = new URL('../../../../shared/spec/report-format.md', import.meta.url);

const SEVERITY: Readonly<Record<string, Severity>> = { E: 'error', W: 'warning', info: 'info' };

function specRules(text: string): { id: string; sev: string }[] {
  const part = text.slice(text.indexOf('## 3. Consistency rules'), text.indexOf('## 4. Legal context'));
  const out: { id: string; sev: string }[] = [];
  for (const line of part.split('\n')) {
    const cols = line.split('|').map((c) => c.trim());
    if (!/^[A-Z]-\d+$/.test(cols[1] ?? '')) continue;
    out.push({ id: cols[1]!, sev: cols[3]! });
  }
  return out;
}

describe.skipIf(!existsSync(SPEC))('rules against spec §3', () => {
  const rules = specRules(existsSync(SPEC) ? readFileSync(SPEC, 'utf8') : '');

  it('reads the spec tables', () => {
    expect(rules.length).toBeGreaterThan(30);
  });

  it('implements every rule with a severity, as the spec gives it', () => {
    const byId = new Map(RULES.map((r) => [r.id, r]));
    const wrong: string[] = [];
    for (const { id, sev } of rules) {
      // 「—」: a note, not a check (D-2 is part of D-1; X-4 is shown as info)
      if (sev.startsWith('—')) continue;
      const rule = byId.get(id);
      // E, or W when last year's report was not made in the app
      const expected = SEVERITY[sev.split(/\s/)[0]!];
      if (!rule) wrong.push(`${id} missing`);
      else if (rule.severity !== expected) wrong.push(`${id} is ${rule.severity}, spec says ${sev}`);
    }
    expect(wrong).toEqual([]);
  });
});
