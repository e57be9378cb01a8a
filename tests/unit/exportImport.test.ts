import { describe, expect, it } from 'vitest';
import {
  buildExport,
  EXPORT_VERSION,
  importInto,
  ImportError,
  MemoryKvStore,
  mergeValue,
  parseExport,
} from '../../src/storage/exportImport';
import type { SubmissionRecord } from '../../src/storage/records';

const P = 'attention/scaled-dot-product';
const sub = (at: number, status: SubmissionRecord['status'] = 'accepted'): SubmissionRecord => ({
  at,
  mode: 'submit',
  status,
  passed: status === 'accepted' ? 5 : 2,
  total: 5,
  backend: 'wasm',
});

function envelope(data: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ app: 'tensordojo', version: 1, exportedAt: '2026-11-25T18:00:00.000Z', data, ...extra });
}

async function storeWith(data: Record<string, unknown>): Promise<MemoryKvStore> {
  const store = new MemoryKvStore();
  await store.setMany(Object.entries(data));
  return store;
}

describe('export', () => {
  it('wraps every key in a versioned envelope that imports back unchanged', async () => {
    const data = {
      [`draft:${P}`]: { code: 'x', savedAt: 5 },
      [`progress:${P}`]: { runs: 1, submits: 2, solved: true, solvedAt: 9, hintsUsed: 2, solutionViewedAt: 3 },
      [`submissions:${P}`]: [sub(1, 'wrong-answer'), sub(9)],
      'activity:2026-11-25': { ms: 60_000 },
      'round:abc': { id: 'abc', answers: [1, 2] },
      'notebook-draft:nb1': { code: 'y', updatedAt: 7 },
    };
    const exported = await buildExport(await storeWith(data), new Date('2026-11-25T18:00:00Z'));
    expect(exported).toEqual({ app: 'tensordojo', version: EXPORT_VERSION, exportedAt: '2026-11-25T18:00:00.000Z', data });

    const fresh = new MemoryKvStore();
    const summary = await importInto(fresh, JSON.stringify(exported));
    expect(summary).toEqual({ total: 6, added: 6, updated: 0, unchanged: 0 });
    expect(Object.fromEntries(fresh.map)).toEqual(data);

    // Importing the same file again changes nothing.
    expect(await importInto(fresh, JSON.stringify(exported))).toEqual({ total: 6, added: 0, updated: 0, unchanged: 6 });
  });
});

describe('validation: a bad file throws ImportError and writes nothing', () => {
  const valid = { [`draft:${P}`]: { code: 'imported', savedAt: 99 } };
  it.each([
    ['not JSON', '{"app": "tensordojo", ', /not valid JSON/],
    ['JSON but not an object', '[1,2,3]', /not a TensorDojo export/],
    ['another app', JSON.stringify({ app: 'leetcode', version: 1, exportedAt: '2026-01-01', data: {} }), /not a TensorDojo export/],
    ['a newer version', envelope(valid, { version: 2 }), /newer TensorDojo/],
    ['no version', envelope(valid, { version: 'one' }), /version/],
    ['bad exportedAt', envelope(valid, { exportedAt: 'yesterday' }), /exportedAt/],
    ['no data', JSON.stringify({ app: 'tensordojo', version: 1, exportedAt: '2026-11-25T18:00:00Z' }), /no "data"/],
    ['a draft without code', envelope({ ...valid, 'draft:b/c': { savedAt: 1 } }), /"draft:b\/c" has no code/],
    ['progress with a negative count', envelope({ ...valid, 'progress:b/c': { runs: -1, submits: 0, solved: false } }), /counts/],
    ['progress with a string solved', envelope({ ...valid, 'progress:b/c': { runs: 0, submits: 0, solved: 'yes' } }), /solved flag/],
    ['a submission with an unknown status', envelope({ ...valid, 'submissions:b/c': [sub(1), { ...sub(2), status: 'great' }] }), /entry 2 has an unknown status/],
    ['a history that is not a list', envelope({ ...valid, 'submissions:b/c': { at: 1 } }), /not a list/],
    ['activity without ms', envelope({ ...valid, 'activity:2026-11-25': { minutes: 3 } }), /activity/],
  ])('%s', async (_name, text, message) => {
    const store = await storeWith({ [`draft:${P}`]: { code: 'local', savedAt: 1 } });
    const before = structuredClone(Object.fromEntries(store.map));
    await expect(importInto(store, text)).rejects.toThrow(ImportError);
    await expect(importInto(store, text)).rejects.toThrow(message);
    expect(Object.fromEntries(store.map)).toEqual(before);
  });

  it('accepts keys of other features (rounds, notebooks) without knowing their shape', () => {
    expect(() => parseExport(envelope({ 'round:1': [1, 'a'], 'notebook:x': 'text' }))).not.toThrow();
  });
});

describe('merging', () => {
  it('drafts keep the newer save', () => {
    const older = { code: 'old', savedAt: 1 };
    const newer = { code: 'new', savedAt: 2 };
    expect(mergeValue(`draft:${P}`, older, newer)).toEqual(newer);
    expect(mergeValue(`draft:${P}`, newer, older)).toEqual(newer);
  });

  it('submission histories are a union ordered by time, without duplicates', () => {
    const local = [sub(1, 'wrong-answer'), sub(5)];
    const incoming = [sub(3, 'runtime-error'), sub(5)];
    expect(mergeValue(`submissions:${P}`, local, incoming)).toEqual([sub(1, 'wrong-answer'), sub(3, 'runtime-error'), sub(5)]);
  });

  it('progress: solved is an OR, counters the max, first times the earliest', () => {
    const local = { runs: 4, submits: 1, solved: false, lastSubmitStatus: 'wrong-answer', hintsUsed: 1 };
    const incoming = { runs: 2, submits: 3, solved: true, solvedAt: 50, lastSubmitStatus: 'accepted', solutionViewedAt: 40 };
    expect(mergeValue(`progress:${P}`, local, incoming)).toEqual({
      runs: 4,
      submits: 3,
      solved: true,
      solvedAt: 50,
      lastSubmitStatus: 'accepted',
      hintsUsed: 1,
      solutionViewedAt: 40,
    });
    expect(mergeValue(`progress:${P}`, { ...incoming, solvedAt: 70, solutionViewedAt: 10 }, incoming)).toMatchObject({
      solvedAt: 50,
      solutionViewedAt: 10,
    });
  });

  it('activity per day takes the larger total, so re-importing never double counts', () => {
    expect(mergeValue('activity:2026-11-25', { ms: 10 }, { ms: 30 })).toEqual({ ms: 30 });
    expect(mergeValue('activity:2026-11-25', { ms: 30 }, { ms: 10 })).toEqual({ ms: 30 });
  });

  it('unknown keys: lists union, timestamped records keep the newer, otherwise local wins', () => {
    expect(mergeValue('round:1', [{ a: 1 }], [{ a: 1 }, { a: 2 }])).toEqual([{ a: 1 }, { a: 2 }]);
    expect(mergeValue('notebook:x', { text: 'a', updatedAt: 1 }, { text: 'b', updatedAt: 2 })).toEqual({ text: 'b', updatedAt: 2 });
    expect(mergeValue('notebook:x', { text: 'a' }, { text: 'b' })).toEqual({ text: 'a' });
  });

  it('a full import merges into existing data and reports what changed', async () => {
    const store = await storeWith({
      [`draft:${P}`]: { code: 'local newer', savedAt: 10 },
      [`submissions:${P}`]: [sub(1, 'wrong-answer')],
      [`progress:${P}`]: { runs: 0, submits: 1, solved: false, lastSubmitStatus: 'wrong-answer' },
    });
    const summary = await importInto(
      store,
      envelope({
        [`draft:${P}`]: { code: 'imported older', savedAt: 5 },
        [`submissions:${P}`]: [sub(7)],
        [`progress:${P}`]: { runs: 0, submits: 1, solved: true, solvedAt: 7, lastSubmitStatus: 'accepted' },
        'draft:other/one': { code: 'z', savedAt: 3 },
      }),
    );
    expect(summary).toEqual({ total: 4, added: 1, updated: 2, unchanged: 1 });
    expect(store.map.get(`draft:${P}`)).toEqual({ code: 'local newer', savedAt: 10 });
    expect(store.map.get(`submissions:${P}`)).toEqual([sub(1, 'wrong-answer'), sub(7)]);
    expect(store.map.get(`progress:${P}`)).toMatchObject({ solved: true, solvedAt: 7 });
    expect(store.map.get('draft:other/one')).toEqual({ code: 'z', savedAt: 3 });
    // The imported draft that lost is kept in the draft history, not dropped.
    expect(store.map.get(`draft-history:${P}`)).toEqual([{ code: 'imported older', savedAt: 5, archivedAt: expect.any(Number) }]);
  });

  it('an import that replaces a local draft keeps the local one in the draft history', async () => {
    const now = 1_000_000;
    const store = await storeWith({ [`draft:${P}`]: { code: 'mine', savedAt: now - 5000 } });
    await importInto(store, envelope({ [`draft:${P}`]: { code: 'theirs', savedAt: now - 1000 } }), now);
    expect(store.map.get(`draft:${P}`)).toEqual({ code: 'theirs', savedAt: now - 1000 });
    expect(store.map.get(`draft-history:${P}`)).toEqual([{ code: 'mine', savedAt: now - 5000, archivedAt: now }]);
  });

  it('a draft dated in the future does not win on its date: the local draft stays, the import is kept aside', async () => {
    const now = 1_000_000_000;
    const store = await storeWith({ [`draft:${P}`]: { code: 'typed today', savedAt: now - 60_000 } });
    await importInto(store, envelope({ [`draft:${P}`]: { code: 'from a wrong clock', savedAt: now + 365 * 86_400_000 } }), now);
    expect(store.map.get(`draft:${P}`)).toEqual({ code: 'typed today', savedAt: now - 60_000 });
    expect(store.map.get(`draft-history:${P}`)).toEqual([{ code: 'from a wrong clock', savedAt: now + 365 * 86_400_000, archivedAt: now }]);
  });

  it('the same code imported again adds nothing to the history', async () => {
    const store = await storeWith({ [`draft:${P}`]: { code: 'same', savedAt: 10 } });
    await importInto(store, envelope({ [`draft:${P}`]: { code: 'same', savedAt: 20 } }), 1000);
    expect(store.map.get(`draft-history:${P}`)).toBeUndefined();
  });
});
