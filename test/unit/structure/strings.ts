import ts from 'typescript';
import { readRepoFile, repoFiles } from './files.js';

/** A piece of text the code writes: a string, a piece of a template, or JSX text. */
export interface CodeString {
  file: string;
  line: number;
  text: string;
}

/**
 * Every piece of text the code under `dirs` writes, read with the TypeScript parser (so that
 * comments, which may quote anything, are left out). A template is split at its ${…} holes.
 */
export function codeStrings(dirs: readonly string[], skip: (file: string) => boolean = () => false): CodeString[] {
  const out: CodeString[] = [];
  for (const file of repoFiles(dirs, ['.ts', '.tsx']).filter((f) => !skip(f))) {
    const source = ts.createSourceFile(file, readRepoFile(file), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isJsxText(node)) {
        out.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text });
      }
      node.forEachChild(visit);
    };
    visit(source);
  }
  return out;
}

/** The 「…」 quotations of a text (a quotation cut by a ${…} hole is not seen whole, and left out). */
export function quotations(text: string): string[] {
  return [...text.matchAll(/「([^「」\n]+)」/g)].map((m) => m[1]!.trim());
}
