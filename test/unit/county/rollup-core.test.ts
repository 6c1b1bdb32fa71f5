import { describe, expect, it } from 'vitest';
import { getFormat } from '../../../core/format/index.js';
import { computeRates } from '../../../core/report/rates.js';
import { shownCells } from '../../../core/report/index.js';
import {
  deadlineFor,
  findCopies,
  officialBoilerplate,
  onTimeRate,
  outliers,
  parentSums,
  rollupReports,
  splitOf,
  unitState,
  type RollupUnit,
  type UnitReport,
} from '../../../core/rollup/index.js';
import { COUNTY_UNITS, manyUnits, prose, rng, unitReport } from '../../fixtures/county/units.js';

const units = (specs = COUNTY_UNITS): UnitReport[] =>
  specs.map((s, i) => ({ unit: { id: i + 1, name: s.name, level: s.level, mustReport: true, ...(i > 0 ? { parentId: 1 } : {}) }, report: unitReport(s) }));

describe('the roll-up', () => {
  it('sums every cell of every unit, totals included; a cell no unit filled stays blank', () => {
    const all = units();
    const r = rollupReports(all, 2024);
    for (const def of getFormat('2021').cells) {
      const expected = all.reduce((s, u) => s + (shownCells(u.report)[def.id] ?? 0), 0);
      expect(r.cells[def.id], def.id).toBe(expected);
    }
    const blankEverywhere = all.map((u) => ({ ...u, report: { ...u.report, cells: { ...u.report.cells } } }));
    for (const u of blankEverywhere) delete u.report.cells['t4.rev.pending'];
    expect(rollupReports(blankEverywhere, 2024).cells['t4.rev.pending']).toBeUndefined();
  });

  it('splits each cell into 本级 / 部门 / 乡镇街道, the parts adding to the total, over generated counties', () => {
    for (const n of [1, 7, 40]) {
      const all = units(manyUnits(n));
      const r = rollupReports(all, 2024);
      for (const [id, v] of Object.entries(r.cells)) expect((r.splits.own[id] ?? 0) + (r.splits.dept[id] ?? 0) + (r.splits.town[id] ?? 0), id).toBe(v);
      expect(r.splitUnits.own + r.splitUnits.dept + r.splitUnits.town).toBe(n);
    }
    expect([splitOf('county'), splitOf('department'), splitOf('other'), splitOf('township'), splitOf('street')]).toEqual(['own', 'dept', 'dept', 'town', 'town']);
  });

  it('leaves out, saying why, a report of another year or without tables', () => {
    const [a, b] = units();
    const r = rollupReports([a!, { ...b!, report: unitReport(COUNTY_UNITS[1]!, 2023) }, { ...b!, report: { ...b!.report, format: 'free' } }], 2024);
    expect(r.included).toHaveLength(1);
    expect(r.skipped.map((s) => s.reason)).toEqual([expect.stringContaining('2023 年度'), expect.stringContaining('没有统计表')]);
  });

  it('rates of the roll-up follow their formula on the summed cells', () => {
    const r = rollupReports(units(), 2024);
    const rates = computeRates('2021', r.cells);
    const open = rates.find((x) => x.def.id === 'open-rate')!;
    expect(open.ratio).toBeCloseTo((r.cells['t3.r3_1.total']! + r.cells['t3.r3_2.total']!) / r.cells['t3.r3_7.total']!);
    const review = rates.find((x) => x.def.id === 'review-correction-rate')!;
    expect(review.denominator).toBe(r.cells['t4.rev.total']! - r.cells['t4.rev.pending']!);
  });
});

describe('checks across units', () => {
  it('parent ≠ Σ units is a warning naming the cells and the units missing; a parent that is the sum is not', () => {
    const all = units();
    const roster: RollupUnit[] = [...all.map((u) => u.unit), { id: 99, name: '某某县未报局', level: 'department', mustReport: true, parentId: 1 }];
    const found = parentSums(all, roster, '2021');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('warning');
    expect(found[0]!.message).toContain('某某县未报局');
    // the county government's report made the sum of its units: nothing to say
    const children = all.slice(1);
    const summed = rollupReports(children, 2024).cells;
    const parent = { ...all[0]!, report: { ...all[0]!.report, origin: 'imported' as const, cells: summed } };
    expect(parentSums([parent, ...children], roster.slice(0, -1), '2021')).toEqual([]);
  });

  it('a township with 规章, and a figure 100× its peers, are pointed out', () => {
    const all = units();
    const town = all.find((u) => u.unit.level === 'township')!;
    town.report = { ...town.report, cells: { ...town.report.cells, 't2.reg.made': 2, 't3.r3_1.np': 5000 } };
    const found = outliers(all, '2021');
    expect(found.find((f) => f.cells.includes('t2.reg.made'))!.message).toContain('乡镇、街道不制定规章');
    expect(found.find((f) => f.cells.includes('t3.r3_1.np'))!.message).toMatch(/中位数.*倍/);
  });
});

describe('copy detection (雷同)', () => {
  const boiler = officialBoilerplate('2021', []);
  const texts = (n: number) => Array.from({ length: n }, (_, i) => ({ unitId: i + 1, section: 's5', text: prose(1000 + i, 6) }));

  it('finds nothing among units that wrote their own text', () => {
    expect(findCopies(texts(30), { boilerplate: boiler })).toEqual([]);
  });

  it('finds a copy however it is disguised: spacing, punctuation, full-width digits, a name changed, sentences added', () => {
    const r = rng(7);
    for (let k = 0; k < 20; k++) {
      const base = texts(12);
      const source = base[k % 12]!.text;
      let copy = source;
      if (k % 2) copy = copy.replace(/，/g, ', ').replace(/。/g, '. ');
      if (k % 3 === 0) copy = copy.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
      if (k % 4 === 0) copy = copy.replace(/本机关/g, '我局');
      if (k % 5 === 0) copy = `${prose(5000 + k, 2)}${copy}`;
      copy = copy.replace(/(.{30})/g, (m) => (r() < 0.2 ? `${m}\n` : m));
      const target = (k % 12) + 1 === 12 ? 1 : (k % 12) + 2;
      base[target - 1] = { ...base[target - 1]!, text: copy };
      const pairs = findCopies(base, { boilerplate: boiler });
      expect(pairs, `variant ${k}`).toHaveLength(1);
      expect(new Set([pairs[0]!.a, pairs[0]!.b])).toEqual(new Set([(k % 12) + 1, target]));
      expect(pairs[0]!.share).toBeGreaterThan(0.5);
      expect(pairs[0]!.passages.length).toBeGreaterThan(0);
    }
  });

  it('the official wording every unit writes is not a copy, nor a phrase most units use', () => {
    const intro = '本报告依据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》的要求编制。';
    const common = '坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署。';
    const base = texts(12).map((t) => ({ ...t, text: `${intro}${common}${t.text}` }));
    // the intro as the format gives it is boilerplate; the common phrase is in every unit's text
    expect(findCopies(base, { boilerplate: [...boiler, intro] })).toEqual([]);
    // two units sharing only that wording and a short sentence: not reported
    base[1] = { ...base[1]!, text: `${intro}${common}${base[0]!.text.slice(0, 20)}${prose(777, 6)}` };
    expect(findCopies(base, { boilerplate: [...boiler, intro] })).toEqual([]);
  });

  it('shows the shared passage as each text prints it', () => {
    const a = `${prose(1, 3)}这一段是照抄的，连标点都一样，全年办理依申请公开事项一百二十件。${prose(2, 3)}`;
    const b = `${prose(3, 3)}这一段是照抄的 ，连标点都一样，全年办理依申请公开事项一百二十件。${prose(4, 1)}`;
    const [pair] = findCopies([{ unitId: 1, section: 's1', text: a }, { unitId: 2, section: 's1', text: b }], { boilerplate: [], minChars: 20, minShare: 0.2 });
    expect(pair!.passages).toHaveLength(1);
    expect(pair!.passages[0]!.a).toContain('这一段是照抄的，连标点都一样，全年办理依申请公开事项一百二十件');
    expect(pair!.passages[0]!.b).toContain('这一段是照抄的 ，连标点都一样，全年办理依申请公开事项一百二十件');
  });
});

describe('status and deadlines', () => {
  it('states follow what came in; deadlines by level; the on-time rate over the units that must report', () => {
    expect(unitState(undefined)).toBe('missing');
    expect(unitState({ state: 'draft', receivedAt: '2025-01-02', errors: 0 })).toBe('draft');
    expect(unitState({ state: 'draft', receivedAt: '2025-01-02', errors: 2 })).toBe('errors');
    expect(unitState({ state: 'signed', receivedAt: '2025-01-02', errors: 0 })).toBe('signed');
    expect(unitState({ state: 'signed', receivedAt: '2025-01-02', errors: 0, publishedOn: '2025-01-20' })).toBe('published');
    expect(unitState({ state: 'signed', receivedAt: '2025-01-02', errors: 0, returnedAt: '2025-01-03' })).toBe('returned');
    expect(unitState({ state: 'signed', receivedAt: '2025-01-04', errors: 0, returnedAt: '2025-01-03' })).toBe('signed');
    expect(deadlineFor('department', 2024)).toBe('2025-01-31');
    expect(deadlineFor('county', 2024)).toBe('2025-03-31');
    expect(deadlineFor('township', 2024, [2, 10])).toBe('2025-02-10');
    expect(onTimeRate([{ mustReport: true, publishedOn: '2025-01-30', deadline: '2025-01-31' }, { mustReport: true, deadline: '2025-01-31' }, { mustReport: false, deadline: '2025-01-31' }])).toEqual({ onTime: 1, of: 2, rate: 0.5 });
  });
});
