/**
 * The 公文 typefaces by role, for both writers. The DOCX names the real fonts (Word and WPS on
 * government PCs have them) with a common Windows face as the fallback. The print view lists
 * the real fonts first — the Windows names, then the 方正…_GBK names that domestic Linux
 * desktops (UOS, Kylin) carry — then the open-licence faces of assets/fonts, so a machine
 * without any of them still prints a 公文 that looks like one.
 */

export type FontRole = 'fang' | 'kai' | 'hei' | 'title' | 'song';

export interface FontDef {
  /** the East Asian font named in the DOCX */
  word: string;
  /** what Word/WPS should use when `word` is not installed (fontTable altName) */
  wordAlt: string;
  /** local names tried by the print view, in order */
  local: string[];
  /** the bundled face (assets/fonts/fonts.css) */
  bundled: string;
  generic: 'serif' | 'sans-serif';
  /**
   * Latin letters and digits in the role's own face instead of Times New Roman: the title (its
   * year must not look thin beside the 小标宋) and the page numbers (宋体, GB/T 9704 §7.5).
   */
  ownLatin?: boolean;
}

/** Latin letters and digits in 公文 are Times New Roman. */
export const LATIN_FONT = 'Times New Roman';

/**
 * The print view's Latin face (assets/fonts/fonts.css): Times New Roman where installed, Tinos
 * (same metrics) elsewhere, limited by unicode-range to Latin letters, digits and Western
 * punctuation — so that “ ” ‘ ’ — … fall through to the CJK face and print full-width.
 */
export const PRINT_LATIN_FACE = 'Nianbao Latin';

export const FONTS: Readonly<Record<FontRole, FontDef>> = {
  /** body text, 三级/四级 headings, tables */
  fang: {
    word: '仿宋_GB2312',
    wordAlt: '仿宋',
    local: ['仿宋_GB2312', 'FangSong_GB2312', '方正仿宋_GBK', 'FZFangSong-Z02', '仿宋', 'FangSong', 'STFangsong'],
    // FandolFang: an open-licence 仿宋 covering all of GB2312
    bundled: 'Nianbao Fang',
    generic: 'serif',
  },
  /** 二级 headings （一） */
  kai: {
    word: '楷体_GB2312',
    wordAlt: '楷体',
    local: ['楷体_GB2312', 'KaiTi_GB2312', '方正楷体_GBK', 'FZKai-Z03', '楷体', 'KaiTi', 'STKaiti'],
    bundled: 'Nianbao Kai',
    generic: 'serif',
  },
  /** 一级 headings 一、 */
  hei: {
    word: '黑体',
    wordAlt: 'SimHei',
    local: ['黑体', 'SimHei', '方正黑体_GBK', 'FZHei-B01', 'STHeiti'],
    bundled: 'Nianbao Hei',
    generic: 'sans-serif',
  },
  /** the title: 二号小标宋 */
  title: {
    word: '方正小标宋简体',
    wordAlt: '宋体',
    local: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05', '华文中宋', 'STZhongsong'],
    bundled: 'Nianbao Title',
    generic: 'serif',
    ownLatin: true,
  },
  /** page numbers: 4号宋体 */
  song: {
    word: '宋体',
    wordAlt: 'SimSun',
    local: ['宋体', 'SimSun', '方正书宋_GBK', 'FZShuSong-Z01', 'STSong'],
    bundled: 'Nianbao Serif',
    generic: 'serif',
    ownLatin: true,
  },
};

/** The font Word should use for Latin letters and digits of a role. */
export function latinFont(role: FontRole): string {
  return FONTS[role].ownLatin ? FONTS[role].word : LATIN_FONT;
}

/**
 * The CSS font-family list for a role: the range-limited Latin face (unless the role sets its
 * digits in its own face), local CJK faces, bundled face, generic family.
 */
export function fontStack(role: FontRole): string[] {
  const f = FONTS[role];
  return [...(f.ownLatin ? [] : [PRINT_LATIN_FACE]), ...f.local, f.bundled, f.generic];
}
