import type { AgencyLevel } from '../report/model.js';

/**
 * The units a county office collects reports from (「所属单位」) as the roll-up sees them: a
 * name, a level, a place in the county's tree, and whether the unit must report at all.
 */
export interface RollupUnit {
  id: number;
  name: string;
  level: AgencyLevel;
  /** the unit this one reports through (县 → 部门 / 乡镇); absent at the top */
  parentId?: number;
  /** 统一社会信用代码 or the county's own numbering */
  code?: string;
  mustReport: boolean;
}

/**
 * The three parts a county total is split into, as the county's statistics sheets print them
 * (「区政府统计数｜区直单位统计数｜乡镇街道统计数」): the government itself (本级), its
 * departments (部门), its townships and street offices (乡镇街道). A unit of level 「其他」 (企事业
 * units that report) counts with the departments.
 */
export const SPLITS = [
  { key: 'own', label: '本级', levels: ['county', 'city', 'province'] },
  { key: 'dept', label: '部门', levels: ['department', 'other'] },
  { key: 'town', label: '乡镇街道', levels: ['township', 'street'] },
] as const satisfies readonly { key: string; label: string; levels: readonly AgencyLevel[] }[];

export type SplitKey = (typeof SPLITS)[number]['key'];

export function splitOf(level: AgencyLevel): SplitKey {
  return SPLITS.find((s) => (s.levels as readonly AgencyLevel[]).includes(level))!.key;
}
