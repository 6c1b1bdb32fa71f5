/**
 * The 公文 typefaces by role, for both writers. The DOCX names the real fonts (Word and WPS on
 * government PCs have them) with a common Windows face as the fallback. The print view lists
 * the real fonts first, so a Windows machine prints with them, then the open-licence faces of
 * assets/fonts, so a machine without them still prints CJK text that looks right.
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
}

/** Latin letters and digits in 公文 are Times New Roman. */
export const LATIN_FONT = 'Times New Roman';

export const FONTS: Readonly<Record<FontRole, FontDef>> = {
  /** body text, 三级/四级 headings, tables */
  fang: {
    word: '仿宋_GB2312',
    wordAlt: '仿宋',
    local: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'STFangsong'],
    bundled: 'Nianbao Serif',
    generic: 'serif',
  },
  /** 二级 headings （一） */
  kai: {
    word: '楷体_GB2312',
    wordAlt: '楷体',
    local: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti'],
    bundled: 'Nianbao Kai',
    generic: 'serif',
  },
  /** 一级 headings 一、 */
  hei: { word: '黑体', wordAlt: 'SimHei', local: ['黑体', 'SimHei', 'STHeiti'], bundled: 'Nianbao Hei', generic: 'sans-serif' },
  /** the title: 二号小标宋 */
  title: {
    word: '方正小标宋简体',
    wordAlt: '宋体',
    local: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '方正小标宋_GBK', '华文中宋', 'STZhongsong'],
    bundled: 'Nianbao Title',
    generic: 'serif',
  },
  /** page numbers: 4号宋体 */
  song: { word: '宋体', wordAlt: 'SimSun', local: ['宋体', 'SimSun', 'STSong'], bundled: 'Nianbao Serif', generic: 'serif' },
};

/** The CSS font-family list for a role: Latin face, local CJK faces, bundled face, generic family. */
export function fontStack(role: FontRole): string[] {
  const f = FONTS[role];
  return [LATIN_FONT, ...f.local, f.bundled, f.generic];
}
