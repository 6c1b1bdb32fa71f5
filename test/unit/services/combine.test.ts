import { describe, expect, it } from 'vitest';
import { METHODS, type Handlers } from '../../../core/api.js';
import { combineHandlers } from '../../../electron/services/combine.js';
import { testBackend } from '../helpers/backend.js';

const every = () => Object.fromEntries(METHODS.map((m) => [m, () => m])) as unknown as Handlers;

describe('combining the services’ tables of methods', () => {
  it('the services implement every method of the contract exactly once', () => {
    const { handlers, store } = testBackend();
    expect(Object.keys(handlers).sort()).toEqual([...METHODS].sort());
    store.close();
  });

  it('refuses a method implemented twice, naming it', () => {
    const { 'report.open': open } = every();
    expect(() => combineHandlers(every(), { 'report.open': open })).toThrow('「report.open」在两处都有实现');
  });

  it('refuses a table that leaves a method out, or has one the contract does not know', () => {
    const { 'export.print': _left, ...rest } = every();
    expect(() => combineHandlers(rest)).toThrow('export.print');
    expect(() => combineHandlers(every(), { 'fs.read': () => 1 } as unknown as Partial<Handlers>)).toThrow('fs.read');
  });
});
