import { getFormat, SECTIONS } from '../format/index.js';
import type { ReportData } from '../report/model.js';
import { headingNumber } from '../report/prose.js';

/**
 * The official title of each format, as the 导语 cites it. (core/format keeps the notice number;
 * the format's own title is only needed here.)
 */
const FORMAT_TITLES = {
  '2021': '《中华人民共和国政府信息公开工作年度报告格式》',
  '2019': '《中华人民共和国政府信息公开工作年度报告格式（试行）》',
} as const;

const LAW = '《中华人民共和国政府信息公开条例》';

function websitePhrase(website: string): string {
  const w = website.trim();
  // a bare address reads better wrapped: 「本机关门户网站（www.example.gov.cn）」
  return /^(https?:\/\/)?[\w-]+(\.[\w-]+)+(\/\S*)?$/i.test(w) ? `本机关门户网站（${w}）` : w;
}

function contactPhrase(report: ReportData): string {
  const c = report.agency.contact;
  const parts = [
    c.address.trim() && `地址：${c.address.trim()}`,
    c.postcode.trim() && `邮编：${c.postcode.trim()}`,
    c.phone.trim() && `联系电话：${c.phone.trim()}`,
    c.email.trim() && `电子邮箱：${c.email.trim()}`,
  ].filter(Boolean);
  if (parts.length === 0) return '';
  const who = report.agency.name.trim() || '本机关';
  return `如对本报告有疑问，请与${who}联系（${parts.join('；')}）。`;
}

/**
 * The 导语 a report gets when the clerk has not written one: the legal basis, the format it
 * follows, the six parts, the statistics period, where the electronic copy is and whom to ask.
 * The editor offers the same text as a starting point.
 */
export function defaultIntro(report: ReportData): string {
  const year = report.year;
  const sentences: string[] = [];
  if (report.format === 'free') {
    sentences.push(`本报告依据${LAW}的要求编制。`);
  } else {
    const format = getFormat(report.format);
    const parts = SECTIONS.map((s) => s.title).join('、');
    sentences.push(
      `本报告依据${LAW}（以下简称《条例》）和${FORMAT_TITLES[format.id]}（${format.notice}）的要求编制。`,
      `全文包括${parts}，共${headingNumber(1, SECTIONS.length).slice(0, -1)}个部分。`,
    );
  }
  sentences.push(`本报告所列数据的统计期限为${year}年1月1日至${year}年12月31日。`);
  if (report.agency.website.trim()) {
    sentences.push(`本报告的电子版可在${websitePhrase(report.agency.website)}查阅和下载。`);
  }
  sentences.push(contactPhrase(report));
  return sentences.join('');
}
