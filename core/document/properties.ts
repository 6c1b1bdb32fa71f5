import type { ReportDocument } from './model.js';

/**
 * What an exported file says about itself (DOCX core, extended and custom properties; the PDF's
 * document information): the same for both formats, so that a file found on a website or in a
 * package can be told apart from another by its properties, not by its footer.
 */

export const GENERATOR = '年报助手';

/** Names of the custom properties that carry the signed version (DOCX custom.xml, PDF Info). */
export const FINGERPRINT_PROPERTY = 'NianbaoFingerprint';
export const VERSION_PROPERTY = 'NianbaoVersion';

export interface DocumentProperties {
  /** the report's title */
  title: string;
  /** the agency that publishes it */
  author: string;
  /** 「年报助手 0.1.0」 */
  creator: string;
  subject: string;
  keywords: string;
  /** the signed version's fingerprint, 「sha256:…」; absent on a draft */
  fingerprint?: string;
  /** the signed version, 「第2版」; absent on a draft */
  version?: string;
}

export function documentProperties(doc: ReportDocument, appVersion: string): DocumentProperties {
  const props: DocumentProperties = {
    title: doc.title,
    author: doc.agency,
    creator: `${GENERATOR} ${appVersion}`,
    subject: `${doc.year}年政府信息公开工作年度报告${doc.draft ? '（草稿）' : ''}`,
    keywords: ['政府信息公开', '年度报告', `${doc.year}年`].join('; '),
  };
  if (doc.fingerprint) props.fingerprint = doc.fingerprint;
  if (doc.versionLabel) props.version = doc.versionLabel;
  return props;
}
