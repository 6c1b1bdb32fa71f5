/**
 * Labels seen in published reports that mean an official label (spec §1.2, §1.3, §1.4, §7).
 * Used by the importer only: the app never prints an alias.
 */
export const LABEL_ALIASES: Readonly<Record<string, string>> = {
  '社会组织': '社会公益组织',
  '2.其他法律法规禁止公开': '2.其他法律行政法规禁止公开',
  '其他法律法规禁止公开': '其他法律行政法规禁止公开',
  '本年废止或失效件数': '本年废止件数',
  '合计': '总计',
};

/** Section titles seen in the wild, mapped to the section they stand for. */
export const SECTION_TITLE_ALIASES: Readonly<Record<string, 's4' | 's5'>> = {
  '因政府信息公开工作被申请行政复议、提起行政诉讼情况': 's4',
  '政府信息公开申请行政复议和行政诉讼情况': 's4',
  '政府信息公开行政复议及行政诉讼情况': 's4',
  '政府信息公开工作存在的主要问题及改进情况': 's5',
};
