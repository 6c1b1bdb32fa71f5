import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { METHODS, dispatch, type Handlers, type Method } from '../../../core/api.js';
import { createHandlers } from '../../../electron/services/index.js';
import { openStore, type Store } from '../../../electron/store/index.js';
import { SAMPLE_AGENCY } from '../helpers/backend.js';
import { tmpDir } from '../helpers/tmp.js';
import { VALID } from './examples.js';

/**
 * The contract under random and hostile arguments (issue 16): for every method, arguments made
 * from its valid example with one part replaced, dropped or added — control characters, lone
 * surrogates, huge and odd numbers, prototype keys, paths, deep nesting — and arguments that are
 * anything at all. Whatever comes, the answer is an envelope, never `internal` and never a throw;
 * the store holds nothing the schema refuses (no control characters), and the host still answers.
 *
 * Each case travels as JSON, as it does between the window and the back end. The exports run
 * against a stand-in PDF printer: this is about the contract, not about Chromium.
 */

const RUNS = Number(process.env.NIANBAO_PROPERTY_RUNS ?? 60);

/** a string the window would never send */
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    '某某镇\u0000人民政府',
    '\u001b[2J\u001b[31m',
    '\u0085\u009f',
    '\ud800',
    '\udfff\ud800',
    '../../../../etc/passwd',
    '..\\..\\Windows\\win.ini',
    '%E0%A4%A',
    '__proto__',
    'constructor',
    '{{cell:t3.r1.np}}',
    '<script>alert(1)</script>',
    "'; DROP TABLE reports; --",
    '　',
    '１２３',
    '1e309',
    '',
  ),
  fc.constantFrom(4000, 70_000).map((n) => '𠀀'.repeat(n)),
);
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1e15, -1e15, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, 1.5, -0, 1e308),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant({ __proto__: { polluted: true } }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}')),
  fc.integer({ min: 50, max: 3000 }).map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth))),
  fc.array(hostileString, { maxLength: 5 }),
);

/** every place in a value where a part can be replaced or dropped (not inside a hostile deep nesting) */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object' || at.length > 6) return [at];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [at, ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...at, k]))];
}

type Change = { op: 'replace' | 'drop' | 'add'; pick: number; value: unknown; key: string };

function mutate(example: unknown, change: Change): unknown {
  const copy = JSON.parse(JSON.stringify(example)) as Record<string, unknown>;
  const all = paths(copy);
  const path = all[change.pick % all.length]!;
  if (!path.length) return change.op === 'replace' ? change.value : copy;
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string | number, unknown>, copy);
  const last = path[path.length - 1]!;
  if (change.op === 'replace') parent[last] = change.value;
  else if (change.op === 'drop') delete parent[last];
  else if (typeof parent[last] === 'object' && parent[last] !== null) (parent[last] as Record<string, unknown>)[change.key] = change.value;
  else parent[change.key] = change.value;
  return copy;
}

const change: fc.Arbitrary<Change> = fc.record({
  op: fc.constantFrom('replace', 'drop', 'add'),
  pick: fc.nat(),
  value: hostileValue,
  key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString')),
});

/** arguments for a method: its example changed in one to three places, or anything at all */
const argsFor = (method: Method): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.array(change, { minLength: 1, maxLength: 3 }).map((cs) => cs.reduce<unknown>((v, c) => mutate(v, c), VALID[method])) },
    { weight: 1, arbitrary: hostileValue },
  );

/** A store with agency 1 and report 1, as the examples name them, and the services over it. */
function backend(): { store: Store; handlers: Handlers } {
  const store = openStore(tmpDir());
  const fakePdf = async () => new TextEncoder().encode('%PDF-1.7\n%stand-in\n%%EOF\n');
  const handlers = createHandlers({ store, info: { version: 'test', host: 'web' }, exportHost: { pdf: fakePdf, print: async () => ({ printed: false }) as never, prewarm: () => undefined } });
  return { store, handlers };
}

const CONTROL = /[^\P{Cc}\t\n\r]/u;

/** Every text the store gives back for agencies, reports, notes, acceptances and versions. */
async function storedTexts(handlers: Handlers): Promise<string[]> {
  const out: string[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  for (const agency of await handlers['agency.list']({})) {
    collect(agency);
    for (const r of await handlers['report.list']({ agencyId: agency.id })) {
      const opened = await handlers['report.open']({ reportId: r.id });
      collect({ agency: opened.agency, data: opened.data, acks: opened.acknowledgements });
      collect(await handlers['version.list']({ reportId: r.id }));
    }
  }
  return out;
}

const tally = { requests: 0, internal: 0, thrown: 0, refused: 0, accepted: 0 };
afterAll(() => {
  console.log(
    `契约随机测试：${tally.requests} 次请求，内部错误 ${tally.internal} 次，抛出异常 ${tally.thrown} 次；` +
      `被拒绝 ${tally.refused} 次，执行 ${tally.accepted} 次`,
  );
});

describe('the contract under random and hostile arguments', () => {
  it.each(METHODS)('%s: never internal, never a throw, nothing refused is stored, the host goes on', async (method) => {
    const { store, handlers } = backend();
    const agency = await handlers['agency.create']({ agency: SAMPLE_AGENCY });
    await handlers['report.create']({ agencyId: agency.id, year: 2024 });
    await fc.assert(
      fc.asyncProperty(argsFor(method), async (args) => {
        tally.requests++;
        let answer;
        try {
          // as the wire carries it: what JSON cannot say does not arrive
          const wire = args === undefined ? undefined : (JSON.parse(JSON.stringify(args) ?? 'null') as unknown);
          answer = await dispatch(handlers, method, wire);
        } catch (err) {
          tally.thrown++;
          throw err;
        }
        if (answer.ok) tally.accepted++;
        else tally.refused++;
        if (!answer.ok && answer.error.code === 'internal') tally.internal++;
        expect(answer.ok || answer.error.code !== 'internal', `${method} ${JSON.stringify(args)?.slice(0, 300)} → ${!answer.ok && answer.error.message}`).toBe(true);
        if (!answer.ok) expect(answer.error.message).toMatch(/[\u4e00-\u9fff]/);
      }),
      { numRuns: RUNS },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const texts = await storedTexts(handlers);
    expect(texts.filter((t) => CONTROL.test(t))).toEqual([]);
    // the host still answers a plain request
    expect(await dispatch(handlers, 'agency.list', {})).toMatchObject({ ok: true });
    store.close();
  });
});
