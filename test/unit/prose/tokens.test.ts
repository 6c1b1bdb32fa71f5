import { describe, expect, it } from 'vitest';
import { resolveTokens, tokenFor } from '../../../core/report/prose.js';
import { readShown, showTokens, tokensTouching, type TokenNaming } from '../../../renderer/report/prose/display.js';
import { allFigures, commonFigures, figureIdOf, figureLabel, figureValue } from '../../../renderer/report/prose/figures.js';

const cells = { 't3.r1.np': 4, 't3.r1.total': 5, 't3.r3_1.total': 3, 't2.fee.amount': 1_773_200 };
const naming = (c: Record<string, number> = cells): TokenNaming => ({
  label: (id) => figureLabel('2021', id),
  value: (id) => figureValue('2021', c, id),
  idOf: (label) => figureIdOf('2021', label),
});

const STORED = `全年收到申请${tokenFor('t3.r1.total')}件，其中予以公开${tokenFor('t3.r3_1.total')}件。`;

describe('figure names come from the format', () => {
  it('every cell of both formats has a distinct short name that reads back to it', () => {
    for (const format of ['2021', '2019'] as const) {
      const figures = allFigures(format);
      expect(new Set(figures.map((f) => f.label)).size).toBe(figures.length);
      for (const f of figures) expect(figureIdOf(format, f.label)).toBe(f.id);
    }
  });

  it('offers the figures narratives quote most', () => {
    const common = new Map(commonFigures('2021').map((f) => [f.id, f.label]));
    expect(common.get('t3.r1.total')).toBe('本年新收政府信息公开申请数量');
    expect(common.get('t3.r3_1.total')).toBe('予以公开');
    expect(common.get('t3.r3_7.total')).toBe('本年度办理结果总计');
    expect(common.get('t3.r4.total')).toBe('结转下年度继续办理');
    expect(common.get('t4.rev.total')).toBe('行政复议·总计');
    expect(common.get('t2.fee.amount')).toBe('行政事业性收费·本年收费金额');
    // 2019 has no 本年制发件数: only what the format has is offered
    expect(commonFigures('2019').some((f) => f.id === 't2.reg.made')).toBe(false);
  });
});

describe('tokens in the editor', () => {
  it('shows each token as its name and current value, and reads the shown text back unchanged', () => {
    const shown = showTokens(STORED, naming());
    expect(shown.text).toBe('全年收到申请⟦本年新收政府信息公开申请数量：5⟧件，其中予以公开⟦予以公开：3⟧件。');
    expect(readShown(shown.text, naming())).toBe(STORED);
  });

  it('the shown value follows the table; a blank cell says so; money shows in 万元', () => {
    expect(showTokens(STORED, naming({ ...cells, 't3.r1.total': 7 })).text).toContain('⟦本年新收政府信息公开申请数量：7⟧');
    expect(showTokens(tokenFor('t3.r2.total'), naming()).text).toBe('⟦上年结转政府信息公开申请数量：（未填）⟧');
    expect(showTokens(tokenFor('t2.fee.amount'), naming()).text).toBe('⟦行政事业性收费·本年收费金额：1.7732⟧');
  });

  it('exports resolve the same tokens to the figures', () => {
    expect(resolveTokens(STORED, '2021', cells)).toBe('全年收到申请5件，其中予以公开3件。');
  });

  it('text typed around tokens is kept; a token whose value was edited still reads back as the token', () => {
    const shown = showTokens(STORED, naming()).text;
    expect(readShown(`2024年，${shown}`, naming())).toBe(`2024年，${STORED}`);
    expect(readShown(shown.replace('：5⟧', '：99⟧'), naming())).toBe(STORED);
  });

  it('a broken token decays into its value as plain text, never into half a token', () => {
    const shown = showTokens(STORED, naming()).text;
    const lostClose = shown.replace('5⟧', '5');
    expect(readShown(lostClose, naming())).toBe(`全年收到申请5件，其中予以公开${tokenFor('t3.r3_1.total')}件。`);
    expect(readShown('⟦不是数字的名称：5⟧件', naming())).toBe('5件');
  });

  it('finds the tokens a selection touches (for 「转为文字」)', () => {
    const at = STORED.indexOf('件');
    expect(tokensTouching(STORED, at, at).map((t) => t.id)).toEqual(['t3.r1.total']);
    expect(tokensTouching(STORED, 0, STORED.length).map((t) => t.id)).toEqual(['t3.r1.total', 't3.r3_1.total']);
  });
});
