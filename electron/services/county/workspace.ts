import type ExcelJS from 'exceljs';
import { AppError, type CountySettings, type Handlers, type RosterImported, type UnitRecord } from '../../../core/api.js';
import { AGENCY_LEVEL_LABELS, AGENCY_LEVELS, type AgencyLevel } from '../../../core/report/model.js';
import { DEFAULT_LOCAL_DEADLINE, type LocalDeadline } from '../../../core/rollup/index.js';
import { decodeText } from '../../../core/import/bytes.js';
import type { Store } from '../../store/index.js';
import type { NewUnit, UnitRow } from '../../store/county.js';
import { isWorkbook, newWorkbook } from '../xlsx.js';

/**
 * The county workspace's own facts: its name, the deadline it sets its townships, the inbox
 * folder — and its units (「所属单位」), added by hand, from a roster (.xlsx or .csv), or learnt
 * from a report a unit sends.
 */

const SETTINGS_KEY = 'county.settings';

export function countySettings(store: Store): CountySettings {
  const saved = store.county.setting(SETTINGS_KEY);
  const base: CountySettings = { name: '', townshipDeadline: `${DEFAULT_LOCAL_DEADLINE[0]}-${DEFAULT_LOCAL_DEADLINE[1]}`, inbox: '' };
  return saved ? { ...base, ...(JSON.parse(saved) as Partial<CountySettings>) } : base;
}

export function localDeadline(settings: CountySettings): LocalDeadline {
  const [m, d] = settings.townshipDeadline.split('-').map(Number) as [number, number];
  return [m, d];
}

export function toRecord(u: UnitRow): UnitRecord {
  return { id: u.id, name: u.name, level: u.level, ...(u.parentId ? { parentId: u.parentId } : {}), code: u.code, mustReport: u.mustReport, contact: u.contact };
}

function checkParent(store: Store, id: number | undefined, parentId: number | undefined): void {
  if (parentId === undefined) return;
  if (!store.county.unit(parentId)) throw new AppError('not_found', '找不到选定的上级单位，可能已被删除');
  // no unit may end up under itself
  for (let p: number | undefined = parentId; p !== undefined; p = store.county.unit(p)?.parentId) {
    if (p === id) throw new AppError('refused', '上级单位不能是这个单位自己或它的下级单位');
  }
}

export function saveUnit(store: Store, id: number | undefined, unit: NewUnit, now: string): UnitRow {
  const same = store.county.unitByName(unit.name);
  if (same && same.id !== id) throw new AppError('conflict', `单位「${unit.name}」已经在名单里了`);
  checkParent(store, id, unit.parentId);
  if (id === undefined) return store.county.addUnit(unit, now);
  const saved = store.county.updateUnit(id, unit, now);
  if (!saved) throw new AppError('not_found', '找不到这个单位，可能已被删除');
  return saved;
}

// ---------- the roster ----------

/** Column headings a roster may use, for each field (first match wins). */
const HEADINGS: Record<'name' | 'level' | 'parent' | 'code' | 'must' | 'contact', RegExp> = {
  name: /^(单位|单位名称|名称|机关|机关名称|单位全称)$/,
  level: /(类型|层级|级别|类别)/,
  parent: /(上级|主管)/,
  code: /(代码|编号|编码)/,
  must: /(应报|是否报送|须报|必须)/,
  contact: /(联系)/,
};

const LEVEL_WORDS: [RegExp, AgencyLevel][] = [
  [/街道/, 'street'],
  [/乡|镇/, 'township'],
  [/部门|局|委|办/, 'department'],
  [/县|区|市.*政府|人民政府/, 'county'],
];

/** 「乡镇」「街道」「县级政府部门」「部门」…, or the level guessed from the unit's name. */
function levelOf(text: string, name: string): AgencyLevel | undefined {
  const t = text.trim();
  const exact = AGENCY_LEVELS.find((l) => AGENCY_LEVEL_LABELS[l] === t || l === t);
  if (exact) return exact;
  for (const [re, level] of LEVEL_WORDS) if (t && re.test(t)) return level;
  return levelFromName(name);
}

/** A unit's level from its name: 「…街道办事处」 street, 「…镇/乡人民政府」 township, 「…局/委员会」 department. */
export function levelFromName(name: string): AgencyLevel | undefined {
  if (/街道(办事处)?$/.test(name)) return 'street';
  if (/[乡镇]人民政府$/.test(name)) return 'township';
  if (/(县|区|市|旗)人民政府$/.test(name)) return 'county';
  if (/(局|委员会|办公室|中心|委|办)$/.test(name)) return 'department';
  return undefined;
}

function yes(text: string): boolean {
  return !/^(否|不|no|n|0|×|无需|不需要)$/i.test(text.trim());
}

/** Rows of the roster as text: the first sheet of a workbook, or a CSV/TSV text. */
async function rosterRows(bytes: Uint8Array, name: string): Promise<string[][]> {
  if (isWorkbook(bytes, name)) {
    const book = newWorkbook();
    await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0];
    const rows: string[][] = [];
    sheet?.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cell.text?.trim() ?? '';
      });
      rows.push(Array.from(cells, (c) => c ?? ''));
    });
    return rows;
  }
  const text = decodeText(bytes);
  if (text === null) throw new Error('binary');
  const sep = text.includes('\t') ? '\t' : /，/.test(text) && !text.includes(',') ? '，' : ',';
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => l.split(sep).map((c) => c.trim().replace(/^"(.*)"$/, '$1')));
}

/**
 * A roster from .xlsx or .csv: one unit a row, under headings such as 单位名称、类型、上级单位、
 * 统一社会信用代码、是否应报、联系人. Units already in the list are updated by name; a parent named
 * in the roster may come later in it. Rows that cannot be taken are listed with why.
 */
export async function importRoster(store: Store, bytes: Uint8Array, fileName: string, now: string): Promise<RosterImported> {
  let rows: string[][];
  try {
    rows = await rosterRows(bytes, fileName);
  } catch {
    throw new AppError('refused', `「${fileName}」读不出来。请用 Excel 另存为 .xlsx，或另存为 CSV（逗号分隔）再试`);
  }
  const headAt = rows.findIndex((r) => r.some((c) => HEADINGS.name.test(c)));
  if (headAt < 0) throw new AppError('refused', `「${fileName}」里没有找到「单位名称」这一列。请在第一行写上列名：单位名称、类型、上级单位、代码、是否应报、联系人`);
  const head = rows[headAt]!;
  const col = (k: keyof typeof HEADINGS) => head.findIndex((c) => HEADINGS[k].test(c));
  const at = { name: col('name'), level: col('level'), parent: col('parent'), code: col('code'), must: col('must'), contact: col('contact') };
  const read = (row: string[], i: number) => (i >= 0 ? (row[i] ?? '').trim() : '');
  const problems: string[] = [];
  const taken: { line: number; unit: Omit<NewUnit, 'parentId'>; parent: string }[] = [];
  rows.slice(headAt + 1).forEach((row, k) => {
    const line = headAt + k + 2;
    const name = read(row, at.name);
    if (!name) return;
    const level = levelOf(read(row, at.level), name);
    if (!level) {
      problems.push(`第 ${line} 行「${name}」：看不出是乡镇、街道还是部门，请在「类型」一列写明`);
      return;
    }
    taken.push({ line, unit: { name, level, code: read(row, at.code), mustReport: at.must < 0 || yes(read(row, at.must)), contact: read(row, at.contact) }, parent: read(row, at.parent) });
  });
  let added = 0;
  let updated = 0;
  store.transaction(() => {
    const ids = new Map<string, number>();
    for (const t of taken) {
      const before = store.county.unitByName(t.unit.name);
      const keepParent = before?.parentId !== undefined ? { parentId: before.parentId } : {};
      const saved = before ? store.county.updateUnit(before.id, { ...t.unit, ...keepParent }, now)! : store.county.addUnit(t.unit, now);
      if (before) updated++;
      else added++;
      ids.set(t.unit.name, saved.id);
    }
    // parents second: a roster may list a unit before the body it reports to
    for (const t of taken) {
      if (!t.parent) continue;
      const parentId = ids.get(t.parent) ?? store.county.unitByName(t.parent)?.id;
      if (!parentId) {
        problems.push(`第 ${t.line} 行「${t.unit.name}」：上级单位「${t.parent}」不在名单里，先不设上级`);
        continue;
      }
      if (parentId === ids.get(t.unit.name)) continue;
      const self = store.county.unit(ids.get(t.unit.name)!)!;
      store.county.updateUnit(self.id, { ...self, parentId }, now);
    }
  });
  return { added, updated, problems };
}

export function workspaceHandlers(
  store: Store,
  now: () => string,
): Pick<Handlers, 'county.settings' | 'county.settings.save' | 'county.units' | 'county.unit.save' | 'county.unit.remove' | 'county.roster.import'> {
  return {
    'county.settings': () => countySettings(store),
    'county.settings.save': (settings) => {
      store.county.setSetting(SETTINGS_KEY, JSON.stringify(settings));
      return countySettings(store);
    },
    'county.units': () => store.county.units().map(toRecord),
    'county.unit.save': ({ id, unit }) => toRecord(store.transaction(() => saveUnit(store, id, { ...unit }, now()))),
    'county.unit.remove': ({ id }) => {
      if (!store.county.unit(id)) throw new AppError('not_found', '找不到这个单位，可能已被删除');
      store.county.removeUnit(id);
      return { removed: true };
    },
    'county.roster.import': async ({ file }) => {
      const bytes = Buffer.from(file.base64, 'base64');
      return importRoster(store, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), file.name, now());
    },
  };
}
