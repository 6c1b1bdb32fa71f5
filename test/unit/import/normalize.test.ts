import { describe, expect, it } from 'vitest';
import {
  closeSpaces,
  countPinyin,
  documentNormaliser,
  labelKey,
  looksTraditional,
  stripPinyin,
  toSimplified,
  widenPunctuation,
  withoutNote,
  withoutNumbering,
} from '../../../core/import/normalize.js';

describe('pinyin inserted by re-posting sites (spec §7)', () => {
  it('strips toned and toneless pinyin right after a CJK character', () => {
    expect(stripPinyin('鄉(xiāng)政府報(bào)告(gong)')).toBe('鄉政府報告');
    expect(countPinyin('鄉(xiāng)報(bào)據(jù)')).toBe(3);
  });

  it('leaves ASCII parentheses that do not follow a CJK character, or hold more than letters', () => {
    expect(stripPinyin('APP(app) 第(1)项 (一)')).toBe('APP(app) 第(1)项 (一)');
  });

  it('strips only on a page that has several insertions', () => {
    expect(documentNormaliser('公开了政务(app)一项').light('政务(app)')).toBe('政务(app)');
    const norm = documentNormaliser('鄉(xiāng)報(bào)據(jù)數(shù)');
    expect(norm.pinyin).toBe(4);
    expect(norm.light('鄉(xiāng)')).toBe('乡');
  });
});

describe('Traditional to Simplified', () => {
  it('converts with the OpenCC dictionaries, Taiwan and Hong Kong forms alike', () => {
    expect(toSimplified('政府信息公開工作年度報告')).toBe('政府信息公开工作年度报告');
    expect(toSimplified('為爲説說綫線裡裏')).toBe('为为说说线线里里');
  });

  it('converts only a Traditional page, leaving a Simplified one exactly as it is', () => {
    expect(looksTraditional('政府信息公開工作年度報告，這個縣')).toBe(true);
    expect(looksTraditional('政府信息公开工作年度报告，监督保障，条例')).toBe(false);
    const simplified = documentNormaliser('本年度著作权登记与监督工作');
    expect(simplified.traditional).toBe(false);
    expect(simplified.light('本年度著作权登记')).toBe('本年度著作权登记');
  });
});

describe('punctuation and spaces', () => {
  it('widens punctuation inside Chinese sentences', () => {
    expect(widenPunctuation('根据《条例》(以下简称《条例》),特向社会公布:')).toBe('根据《条例》（以下简称《条例》），特向社会公布：');
    expect(widenPunctuation('联系电话:0731-57859021;通信地址')).toBe('联系电话：0731-57859021；通信地址');
    expect(widenPunctuation('(一)予以公开')).toBe('（一）予以公开');
  });

  it('keeps ASCII where it belongs: times, numbers, addresses', () => {
    expect(widenPunctuation('发布时间 11:50, 共1,234条')).toBe('发布时间 11:50，共1,234条');
    expect(widenPunctuation('见 http://www.example.cn/a.htm')).toBe('见 http://www.example.cn/a.htm');
  });

  it('closes spaces a page left inside words', () => {
    expect(closeSpaces('商业 企业')).toBe('商业企业');
    expect(closeSpaces('（三） 不予 公开')).toBe('（三）不予公开');
    expect(closeSpaces('浏阳市人民政府 2023年')).toBe('浏阳市人民政府2023年');
    expect(closeSpaces('门户网站 www.example.cn 发布')).toBe('门户网站 www.example.cn 发布');
  });

  it('folds full-width digits and letters', () => {
    expect(documentNormaliser('').prose('共１２３件，ＡＢ')).toBe('共123件，AB');
  });
});

describe('label keys', () => {
  it('ignore spaces, brackets and punctuation', () => {
    expect(labelKey('（三） 不予 公开')).toBe(labelKey('(三)不予公开'));
    expect(labelKey('3.危及“三安全一稳定”')).toBe(labelKey('3.危及"三安全一稳定"'));
  });

  it('apply the aliases of core/format, also inside a longer label', () => {
    expect(labelKey('社会组织')).toBe(labelKey('社会公益组织'));
    expect(labelKey('2.其他法律法规禁止公开')).toBe(labelKey('2.其他法律行政法规禁止公开'));
    expect(labelKey('（七）合计')).toBe(labelKey('（七）总计'));
    expect(labelKey('本年废止或失效件数')).toBe(labelKey('本年废止件数'));
  });

  it('drop a trailing note and leading numbering on request', () => {
    expect(withoutNote('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe('（二）部分公开');
    expect(withoutNumbering(labelKey('1.属于国家秘密'))).toBe('属于国家秘密');
    expect(withoutNumbering(labelKey('（三）不予公开'))).toBe('不予公开');
  });
});
