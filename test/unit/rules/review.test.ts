import { describe, expect, it } from 'vitest';
import { parseCellInput } from '../../../core/report/index.js';
import { approvalSheet } from '../../../core/document/approval.js';
import { isJump, parseDeadline, repeatedText } from '../../../core/rules/index.js';
import { farFromLastYear, LAST_YEAR_FLOOR } from '../../../core/rules/review.js';
import { getFormat } from '../../../core/format/index.js';
import { byRule, cleanSections, makeReport } from './build.js';

/** Review-grade rules of issue 12: what reviewers fault in published reports, checked before 定稿. */

const withS = (year: number, sections: Record<string, string>) => ({ ...cleanSections(year), ...sections });

describe('G-9 a section of headings only is no content', () => {
  it('fires on 五 written as its two headings, and on 一 that is only the outline', () => {
    const [f] = byRule(makeReport({ sections: withS(2021, { s5: '（一）存在的主要问题\n（二）改进情况' }) }), 'G-9');
    expect(f).toMatchObject({ severity: 'error', section: 's5' });
    expect(f?.message).toContain('「（一）存在的主要问题」「（二）改进情况」');
    const outline = '（一）主动公开\n\n（二）依申请公开\n\n（三）政府信息管理\n';
    expect(byRule(makeReport({ sections: withS(2021, { s1: outline }) }), 'G-9').map((x) => x.section)).toEqual(['s1']);
  });

  it('is silent when the headings have text under them, and counts 「1.」 items as text', () => {
    expect(byRule(makeReport(), 'G-9')).toEqual([]);
    const items = '（一）存在的主要问题\n1.公开内容不够丰富\n（二）改进情况\n1.加强培训';
    expect(byRule(makeReport({ sections: withS(2021, { s5: items }) }), 'G-9')).toEqual([]);
  });
});

describe('G-10 五 names problems and measures', () => {
  const s5 = (text: string) => byRule(makeReport({ sections: withS(2021, { s5: text }) }), 'G-10');
  it('fires on an empty 五, on 「无」, and on a sentence with no problem or no measure', () => {
    expect(s5('')[0]?.message).toContain('还没有写');
    expect(s5('无')[0]?.message).toContain('只写了「无」');
    expect(s5('本年度工作开展顺利，取得了较好成效。')[0]?.message).toContain('没有写到存在的问题和改进的措施');
    expect(s5('主要问题是公开内容不够丰富。')[0]?.message).toContain('没有写到改进的措施');
    expect(s5('（一）存在的主要问题\n（二）改进情况')).toEqual([]); // G-9's
  });
  it('is silent on a 五 with both', () => {
    expect(s5('存在的问题：解读形式单一。下一步将加强培训，丰富解读形式。')).toEqual([]);
  });
});

describe('M-1 magnitudes plausible for the level', () => {
  it('warns on 100000000 行政许可 in a township, naming the figure with thousands separators', () => {
    const [f] = byRule(makeReport({ level: 'township', cells: { 't2.lic.decisions': 100_000_000 } }), 'M-1');
    expect(f).toMatchObject({ severity: 'warning', section: 's2', cells: ['t2.lic.decisions'] });
    expect(f?.message).toContain('100,000,000');
    expect(f?.message).toContain('乡镇');
  });
  it('accepts what a county-level city really decides in a year (half a million 行政许可)', () => {
    expect(byRule(makeReport({ level: 'county', cells: { 't2.lic.decisions': 497_244 } }), 'M-1')).toEqual([]);
    expect(byRule(makeReport({ level: 'township', cells: { 't2.lic.decisions': 3_000, 't3.r1.np': 40 } }), 'M-1')).toEqual([]);
  });
  it('holds on generated variants: every cell ×1000 of a township’s usual figure is caught, the usual one is not', () => {
    for (const [id, usual] of [['t2.pun.decisions', 120], ['t3.r1.np', 30], ['t4.rev.upheld', 2], ['t2.norm.made', 5]] as const) {
      expect(byRule(makeReport({ cells: { [id]: usual } }), 'M-1'), id).toEqual([]);
      expect(byRule(makeReport({ cells: { [id]: usual * 1000 } }), 'M-1').map((x) => x.cells[0]), id).toContain(id);
    }
  });
});

describe('M-2 figures far from the agency’s own last year, cell by cell (表二 too)', () => {
  const pair = (last: Record<string, number>, now: Record<string, number>) =>
    byRule(makeReport({ year: 2022, cells: now }), 'M-2', { previous: makeReport({ year: 2021, cells: last }) });

  it('fires with both figures on ×20 and more, on a twentieth, and on 0 → many; 表二 included', () => {
    const [f] = pair({ 't2.lic.decisions': 120 }, { 't2.lic.decisions': 24_000 });
    expect(f).toMatchObject({ severity: 'warning', section: 's2', cells: ['t2.lic.decisions'] });
    expect(f?.message).toContain('今年为 24,000，2021年为 120，是上年的 200 倍');
    expect(pair({ 't3.r1.np': 0 }, { 't3.r1.np': 60 })[0]?.message).toContain('上年为 0');
    expect(pair({ 't2.pun.decisions': 1_500 }, { 't2.pun.decisions': 15 })[0]?.message).toContain('只有上年的 100 分之一');
    // money in 分: 2 万元 → 60 万元
    expect(pair({ 't2.fee.amount': 2_000_000 }, { 't2.fee.amount': 60_000_000 })[0]?.message).toContain('60万元');
  });

  it('is silent on ordinary years, below the floor, and on the totals X-8 asks about', () => {
    expect(pair({ 't2.lic.decisions': 120 }, { 't2.lic.decisions': 900 })).toEqual([]);
    expect(pair({ 't3.r1.np': 0 }, { 't3.r1.np': 30 })).toEqual([]);
    expect(pair({ 't4.rev.upheld': 1 }, { 't4.rev.upheld': 9 })).toEqual([]);
    expect(pair({ 't3.r1.total': 10 }, { 't3.r1.total': 900 })).toEqual([]);
    expect(byRule(makeReport({ year: 2022, cells: { 't2.lic.decisions': 24_000 } }), 'M-2')).toEqual([]);
  });

  it('generated variants: two digits too many in any counted cell of 表二/三/四 is found; the same figure typed right is not', () => {
    const watched = new Set(['t3.r1.total', 't3.r3_7.total', 't4.rev.total', 't4.lit_direct.total', 't4.lit_after.total']);
    let n = 0;
    for (const def of getFormat('2021').cells) {
      if (def.kind === 'delta' || watched.has(def.id)) continue;
      n += 1;
      const last = def.kind === 'money' ? 3_000_000 + n * 10_000 : 10 + (n % 37);
      expect(pair({ [def.id]: last }, { [def.id]: last }), def.id).toEqual([]);
      expect(pair({ [def.id]: last }, { [def.id]: last * 100 + 7 }).map((x) => x.cells[0]), def.id).toContain(def.id);
    }
    expect(n).toBeGreaterThan(150);
    expect(farFromLastYear(0, LAST_YEAR_FLOOR.cases, LAST_YEAR_FLOOR.cases)).toBe(true);
    expect(farFromLastYear(0, LAST_YEAR_FLOOR.cases - 1, LAST_YEAR_FLOOR.cases)).toBe(false);
  });
});

describe('X-8 jumps from last year need a reason, kept as the cell note', () => {
  const pair = (last: Record<string, number>, now: Record<string, number>, notes: Record<string, string> = {}) => {
    const previous = makeReport({ year: 2021, cells: last });
    const report = { ...makeReport({ year: 2022, cells: now }), notes };
    return byRule(report, 'X-8', { previous });
  };
  it('fires on 0 → non-zero in a 表四 total and on a large 表三 jump; a note silences it', () => {
    const [f] = pair({}, { 't4.rev.upheld': 1, 't4.rev.total': 1 });
    expect(f).toMatchObject({ severity: 'warning', section: 's4', cells: ['t4.rev.total'] });
    expect(f?.message).toContain('上年为 0，今年为 1');
    expect(pair({ 't3.r1.np': 10, 't3.r1.total': 10 }, { 't3.r1.np': 80, 't3.r1.total': 80 })[0]?.cells).toEqual(['t3.r1.total']);
    expect(pair({}, { 't4.rev.upheld': 1, 't4.rev.total': 1 }, { 't4.rev.total': '本年新增一起复议，申请人对答复不服' })).toEqual([]);
  });
  it('is silent on ordinary changes', () => {
    expect(pair({ 't3.r1.np': 10, 't3.r1.total': 10 }, { 't3.r1.np': 14, 't3.r1.total': 14 })).toEqual([]);
    expect(isJump(2, 5, 10)).toBe(false);
    expect(isJump(20, 5, 10)).toBe(true);
  });
});

describe('X-9 the whole text compared with last year (boilerplate excluded)', () => {
  const body = (year: number, extra = '') => ({
    s1: [
      `${year}年，本镇围绕中心工作，扎实推进政务公开标准化规范化建设，取得了明显成效。`,
      '（一）主动公开',
      '依托镇政府网站和政务公开栏，及时发布财政预决算、重大项目、惠民政策等重点领域信息。',
      '（二）依申请公开',
      '严格执行依申请公开办理流程，做到登记、审核、答复各环节有据可查，按期答复率保持较高水平。',
      '（三）政府信息管理',
      '落实信息发布前保密审查制度，定期清理过时信息，确保公开信息准确规范。',
      extra,
    ].join('\n'),
    s5: '主要问题是政策解读形式较为单一，公开内容的针对性还不够强。下一步将加强业务培训，探索图解、视频等多种解读方式。',
    s6: `本年度未收取信息处理费。本报告统计期限为${year}年1月1日至${year}年12月31日，如对本报告有任何疑问，请联系镇党政办公室。`,
  });
  it('warns at 50 % and shows the repeated passages', () => {
    const previous = makeReport({ year: 2021, sections: body(2021) });
    const [f] = byRule(makeReport({ year: 2022, sections: body(2022) }), 'X-9', { previous });
    expect(f).toMatchObject({ severity: 'warning', section: 's1' });
    expect(f?.message).toMatch(/约 \d+% 的文字与 2021 年报告相同/);
    expect(f?.message).toContain('依托镇政府网站和政务公开栏');
  });
  it('does not count the official boilerplate, and is silent on a rewritten text', () => {
    const { passages } = repeatedText(body(2022), body(2021));
    expect(passages.some((p) => p.includes('统计期限') || p.includes('信息处理费'))).toBe(false);
    const rewritten = {
      s1: '今年我镇把重点放在了村级公开栏的改造上，全镇十二个村全部换上了新栏目，群众反映查阅方便了许多。\n另外还新开设了微信公众号专栏，集中发布惠农补贴发放名单和低保审批结果，阅读量明显上升。',
      s5: '问题在于村级信息更新不够及时。明年计划每月督查一次，并把更新情况纳入村干部考核。',
      s6: body(2022).s6,
    };
    const previous = makeReport({ year: 2021, sections: body(2021) });
    expect(byRule(makeReport({ year: 2022, sections: rewritten }), 'X-9', { previous })).toEqual([]);
  });
});

describe('G-3 the deadline as a setting, and 「/」 in cells', () => {
  it('a local deadline applies to a township, which has no statutory one', () => {
    const report = { ...makeReport({ level: 'township' }), signoff: { preparer: '', reviewer: '', approver: '', date: '2022-02-10' } };
    expect(byRule(report, 'G-3')).toEqual([]);
    const [f] = byRule(report, 'G-3', { deadline: parseDeadline('01-20')! });
    expect(f?.message).toContain('晚于乡镇的发布期限 2022年1月20日（当地规定的发布期限，在「机关信息」里设置）');
    expect(parseDeadline('2月30日')).toBeNull();
    expect(parseDeadline('1月20日')).toEqual({ month: 1, day: 20 });
  });
  it('a cell refuses 「/」, 「—」 and 「无」, saying to write 0', () => {
    for (const text of ['/', '／', '—', '无']) {
      const r = parseCellInput(text, 'count');
      expect(r.ok, text).toBe(false);
      expect(!r.ok && r.message).toContain('没有的请填 0');
    }
  });
});

describe('S-1, S-2 who confirmed 表三 and 表四; printed on the 审批单', () => {
  const app = (cells: Record<string, number | undefined>, confirmations?: import('../../../core/report/index.js').ReportData['confirmations']) => ({
    ...makeReport({ origin: 'app', cells }),
    ...(confirmations ? { confirmations } : {}),
  });
  it('S-2 asks for an explicit confirmation of an all-zero table; S-1 for the source and confirmer', () => {
    const zeros = app({});
    expect(byRule(zeros, 'S-2').map((f) => f.section)).toEqual(['s3', 's4']);
    expect(byRule(zeros, 'S-2')[1]?.message).toContain('司法局（行政复议）和法院（行政诉讼）');
    const confirmed = app({}, { t4: { source: '县司法局、县法院', confirmer: '王某', noneConfirmed: true } });
    expect(byRule(confirmed, 'S-2').map((f) => f.section)).toEqual(['s3']);
    expect(byRule(confirmed, 'S-1').map((f) => f.section)).toEqual(['s3']);
    // a table with a figure is not all zeros
    expect(byRule(app({ 't3.r1.np': 2 }), 'S-2').map((f) => f.section)).toEqual(['s4']);
  });
  it('the 审批单 prints each table’s source and confirmer, or lines to fill in by hand', () => {
    const report = app({}, { t4: { source: '县司法局、县法院', confirmer: '王某', date: '2025-01-10', noneConfirmed: true } });
    const sheet = approvalSheet(report, '测试报告');
    const texts = sheet.table.rows.flat().map((c) => c.text);
    expect(texts).toContain('表三数据');
    expect(texts).toContain('来源：＿＿＿＿＿＿　核对人：＿＿＿＿');
    expect(texts).toContain('来源：县司法局、县法院；核对人：王某（2025年1月10日）；已核对，本年确无');
    expect(sheet.table.rowHeightsMm).toHaveLength(sheet.table.rows.length);
  });
});
