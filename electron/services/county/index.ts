import { AppError, type ExportDelivery, type Handlers } from '../../../core/api.js';
import type { PackageManifest } from '../../../core/package/index.js';
import type { Store } from '../../store/index.js';
import type { ExportFile, ExportHost } from '../export.js';
import { ExportWriteError } from '../../export/write-file.js';
import { board, countyChecks, openCollected } from './board.js';
import { collectBytes, collectFolder, fileArrival } from './collect.js';
import { issueList, publicationNote } from './outputs.js';
import { paperReport } from './paper.js';
import { resolveRemark, reviewHandlers, sendBack } from './review.js';
import { rollupFile, rollupOf } from './rollup.js';
import { unitPdfsZip } from './unit-pdfs.js';
import { countySettings, workspaceHandlers } from './workspace.js';

/**
 * The county workspace (issue 15) over the store: every county.* method of the contract, and
 * the unit's side of a send-back (review.*).
 */

type CountyMethods = Extract<keyof Handlers, `county.${string}` | `review.${string}`>;

async function deliver(file: ExportFile, host: ExportHost): Promise<ExportDelivery> {
  if (!host.deliver) return { kind: 'download', fileName: file.fileName, mime: file.mime, base64: Buffer.from(file.bytes).toString('base64'), size: file.bytes.length };
  try {
    return await host.deliver(file);
  } catch (e) {
    if (e instanceof ExportWriteError) throw new AppError('storage', e.message);
    throw e;
  }
}

export function countyHandlers(store: Store, options: { now: () => string; host?: ExportHost; generator: PackageManifest['generator'] }): Pick<Handlers, CountyMethods> {
  const { now } = options;
  const host = options.host ?? {};
  return {
    ...workspaceHandlers(store, now),
    ...reviewHandlers(store, now),
    'county.collect': async ({ files }) => {
      const out = [];
      for (const f of files) {
        const bytes = Buffer.from(f.base64, 'base64');
        out.push(await collectBytes(store, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), f.name, now()));
      }
      return out;
    },
    'county.inbox': async () => {
      const folder = countySettings(store).inbox;
      if (!folder) throw new AppError('refused', '还没有设置收件文件夹。请在「设置」里填写 U 盘或共享文件夹的位置');
      return { folder, outcomes: await collectFolder(store, folder, now) };
    },
    'county.paper': (args) => {
      const unit = store.county.unit(args.unitId);
      if (!unit) throw new AppError('not_found', '找不到这个单位，可能已被删除');
      return fileArrival(store, paperReport(unit, args), `纸质（${args.receivedOn || '收到日期未填'}）`, now());
    },
    'county.board': ({ year }) => board(store, year),
    'county.checks': ({ year }) => countyChecks(store, year),
    'county.published': ({ collectedId, publishedOn, publishedUrl }) => {
      if (!store.county.collectedOne(collectedId)) throw new AppError('not_found', '找不到这份收到的报告');
      store.county.setPublished(collectedId, publishedOn, publishedUrl);
      return { saved: true };
    },
    'county.open': ({ collectedId }) => openCollected(store, collectedId),
    'county.rollup': ({ year, unitIds }) => rollupOf(store, year, unitIds),
    'county.export': async ({ year, what, unitIds }) => {
      if (what === 'note-docx') return deliver(await publicationNote(board(store, year)), host);
      if (what === 'issues-xlsx') return deliver(await issueList(store, board(store, year), countyChecks(store, year)), host);
      if (what === 'units-pdf') return deliver(await unitPdfsZip(store, year, unitIds, host), host);
      const r = rollupOf(store, year, unitIds);
      if (!r.included.length) throw new AppError('refused', `${year} 年还没有收到任何单位的报告，没有可以汇总的数字`);
      return deliver(await rollupFile(r, what === 'rollup-docx' ? 'docx' : what === 'rollup-pdf' ? 'pdf' : 'xlsx', host), host);
    },
    'county.sendBack': (args) => sendBack(store, args, { generator: options.generator, now: now(), ...(options.host ? { host: options.host } : {}) }),
    'county.resolve': ({ collectedId, commentId }) => resolveRemark(store, collectedId, commentId),
  };
}
