import { describe, expect, it } from 'vitest';
import { exportBatch, storedBatchSources, type BatchOutcome } from '../../../electron/services/export.js';
import { ExportWriteError } from '../../../electron/export/write-file.js';
import { SAMPLE_AGENCY, testBackend } from '../helpers/backend.js';

/** The batch path the county screens call (issue 15): stored reports by id, one outcome each, in order. */
describe('exportBatch over stored reports', () => {
  it('exports each in the order given; a missing report and a file that cannot be written are outcomes, the rest go on', async () => {
    const { handlers, store } = testBackend();
    const agency = await handlers['agency.create']({ agency: SAMPLE_AGENCY });
    const ids: number[] = [];
    for (const year of [2022, 2023, 2024]) ids.push((await handlers['report.create']({ agencyId: agency.id, year })).id);
    const sources = storedBatchSources(store, [ids[2]!, 9999, ids[0]!, ids[1]!], { draft: true });
    expect(sources.map((s) => s.label)).toEqual([`${SAMPLE_AGENCY.name} 2024 年报告`, '编号为 9999 的报告', `${SAMPLE_AGENCY.name} 2022 年报告`, `${SAMPLE_AGENCY.name} 2023 年报告`]);

    const delivered: string[] = [];
    const seen: BatchOutcome[] = [];
    const outcomes = await exportBatch(
      sources,
      'docx',
      (file) => {
        if (file.fileName.includes('2022')) throw new ExportWriteError('文件「2022」正在被其他程序使用，无法写入。', 'busy', '2022.docx');
        delivered.push(file.fileName);
      },
      (o) => seen.push(o),
    );
    expect(seen).toEqual(outcomes);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, false, true]);
    expect(delivered).toEqual([`${SAMPLE_AGENCY.name}2024年政府信息公开工作年度报告（草稿）.docx`, `${SAMPLE_AGENCY.name}2023年政府信息公开工作年度报告（草稿）.docx`]);
    const [, missing, unwritable] = outcomes;
    expect(missing).toMatchObject({ ok: false, refused: false });
    expect(!missing!.ok && missing!.message).toContain('找不到这份报告');
    expect(!unwritable!.ok && unwritable!.message).toContain('正在被其他程序使用');

    // final copies of unsigned reports: refused, each
    const finals = await exportBatch(storedBatchSources(store, ids, { draft: false }), 'docx', () => undefined);
    expect(finals.every((o) => !o.ok && o.refused && o.message.includes('还没有定稿'))).toBe(true);
    store.close();
  });
});
