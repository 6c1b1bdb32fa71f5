import { describe, expect, it } from 'vitest';
import { importCircles, importGraph } from './import-graph.js';

/**
 * No two modules of the app import each other, directly or round about: a circle means neither
 * can be understood (or loaded) without the other, and usually that a piece sits in the wrong
 * place (the window's error message once lived in ExportBar.tsx, which its own dialogs imported).
 */
describe('the import graph', () => {
  const graph = importGraph(['core', 'electron', 'renderer']);

  it('reads the project’s modules and their imports', () => {
    expect(graph.size).toBeGreaterThan(150);
    expect(graph.get('electron/services/index.ts')).toContain('electron/services/reports.ts');
  });

  it('finds a circle when there is one', () => {
    const circular = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(importCircles(circular)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('has no circle', () => {
    expect(importCircles(graph)).toEqual([]);
  });
});
