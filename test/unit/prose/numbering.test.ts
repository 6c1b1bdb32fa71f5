import { describe, expect, it } from 'vitest';
import { renumberHeadings } from '../../../core/report/prose.js';
import { lineKind, mapOffset, markerOf, renumberOutline, setLineKind } from '../../../renderer/report/prose/numbering.js';
import { outlineText, uncoveredTopics, withMissingTopics } from '../../../renderer/report/prose/outline.js';

describe('numbering', () => {
  it('numbers headings exactly as core renumberHeadings does', () => {
    const text = '（三）主动公开\n本年度……\n1、政策解读\n5.重点领域\n（五）依申请公开\n（3）收费\n一、存在的问题';
    expect(renumberOutline(text)).toBe(renumberHeadings(text));
    expect(renumberOutline(text)).toBe('（一）主动公开\n本年度……\n1.政策解读\n2.重点领域\n（二）依申请公开\n（1）收费\n一、存在的问题');
  });

  it('counts numbered paragraphs with the headings of their level, and numbers simple lists', () => {
    const text =
      '（一）主动公开\n1.加强组织领导。本年度成立了工作专班，明确了分工。\n1.规范发布流程。全年通过门户网站发布信息120条。\n①网站\n①公众号\n正文\n①新的列表\n• 要点\n·另一个要点';
    expect(renumberOutline(text)).toBe(
      '（一）主动公开\n1.加强组织领导。本年度成立了工作专班，明确了分工。\n2.规范发布流程。全年通过门户网站发布信息120条。\n①网站\n②公众号\n正文\n①新的列表\n• 要点\n• 另一个要点',
    );
  });

  it('leaves dates and decimals at the start of a sentence alone', () => {
    for (const line of ['3、4月份我镇集中开展了培训。', '一、二季度共发布信息30条，较上年增加。', '1.5万元的收费已全部上缴。', '2024年，我镇认真贯彻落实《条例》。']) {
      expect(markerOf(line), line).toBeNull();
      expect(renumberOutline(`（二）x\n${line}`)).toBe(`（一）x\n${line}`);
    }
  });

  it('keeps the line being typed as typed, while it still counts', () => {
    const text = '（一）甲\n（一）乙\n（一）丙';
    expect(renumberOutline(text, 1)).toBe('（一）甲\n（一）乙\n（三）丙');
  });

  it('changes a line into a heading of any level, a list item or a plain paragraph, keeping its words', () => {
    const text = '（一）主动公开\n政策解读\n公开平台';
    expect(setLineKind(text, 1, 3)).toBe('（一）主动公开\n1.政策解读\n公开平台');
    expect(setLineKind(setLineKind(text, 1, 3), 2, 3)).toBe('（一）主动公开\n1.政策解读\n2.公开平台');
    expect(setLineKind(text, 2, 2)).toBe('（一）主动公开\n政策解读\n（二）公开平台');
    expect(setLineKind(text, 0, 'paragraph')).toBe('主动公开\n政策解读\n公开平台');
    expect(setLineKind(text, 1, 'numbered')).toBe('（一）主动公开\n①政策解读\n公开平台');
    expect(setLineKind(text, 1, 'bulleted')).toBe('（一）主动公开\n• 政策解读\n公开平台');
    expect(setLineKind(text, 1, 4)).toBe('（一）主动公开\n（1）政策解读\n公开平台');
    expect(setLineKind(text, 1, 1)).toBe('（一）主动公开\n一、政策解读\n公开平台');
    expect(lineKind('（十二）平台建设')).toBe(2);
    expect(lineKind('普通的一段话。')).toBe('paragraph');
  });

  it('carries the caret through a renumbering', () => {
    const before = '（一）甲\n（九）乙\n（八）丙文字';
    const after = renumberOutline(before);
    const caret = before.indexOf('文字');
    expect(after.slice(mapOffset(before, after, caret))).toBe('文字');
    expect(mapOffset(before, after, 0)).toBe(0);
  });

  it('puts the caret after a marker given to an empty or plain line, so typing goes into the heading', () => {
    expect(mapOffset('第一段。\n', setLineKind('第一段。\n', 1, 2), 5)).toBe('第一段。\n（一）'.length);
    expect(mapOffset('甲\n乙', setLineKind('甲\n乙', 1, 3), 2)).toBe('甲\n1.'.length);
  });
});

describe('the 总体情况 outline', () => {
  it('offers the five topics as （一）… headings, and for a people’s government the 考核 item under 监督保障', () => {
    expect(outlineText('department')).toBe('（一）主动公开\n\n（二）依申请公开\n\n（三）政府信息管理\n\n（四）政府信息公开平台建设\n\n（五）监督保障\n');
    expect(outlineText('township')).toContain('（五）监督保障\n\n1.工作考核、社会评议和责任追究结果情况');
  });

  it('names the topics a text does not cover and can add them as headings', () => {
    const text = '（一）主动公开\n本年度主动公开信息120条。\n（二）依申请公开\n全年收到申请5件。';
    expect(uncoveredTopics(text, 'department').map((t) => t.title)).toEqual(['政府信息管理', '政府信息公开平台建设', '监督保障']);
    const more = withMissingTopics(text, 'department');
    expect(more).toContain('（三）政府信息管理\n\n（四）政府信息公开平台建设\n\n（五）监督保障');
    // a heading alone covers nothing: the topic turns green once text is written under it
    expect(uncoveredTopics(more, 'department').map((t) => t.title)).toEqual(['政府信息管理', '政府信息公开平台建设', '监督保障']);
    // the headings already there are not added twice
    expect(withMissingTopics(more, 'department')).toBe(more);
    const written = more.replace(/^(（[三四五]）.*)$/gm, '$1\n本年度有关工作按计划推进。');
    expect(uncoveredTopics(written, 'department')).toEqual([]);
  });
});
