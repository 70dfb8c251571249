import { describe, expect, it } from 'vitest';
import { INDEX_FIELDS, RETIRED, STATUSES, indexFields, list, text, type ReadableRecord } from './document.js';

describe('the record a cache keeps', () => {
  it('keeps the index fields only', () => {
    const index = indexFields({ id: 'CS-POL-0001', status: 'approved', eqia: { status: 'completed' }, summary: 'S' });
    expect(index).toEqual({ id: 'CS-POL-0001', status: 'approved' });
    expect(INDEX_FIELDS).not.toContain('eqia');
  });

  it('does not compile a read of a field the cache drops', () => {
    const record: ReadableRecord = {
      file: 'f.md',
      hash: '',
      positions: {},
      problems: [],
      data: { id: 'X', approval: { route: 'ppp' } },
    };
    expect(text(record.data, 'approval', 'route')).toBe('ppp');
    // @ts-expect-error eqia is not an index field: a register rule cannot read it from a cached record
    expect(record.data.eqia).toBeUndefined();
    // @ts-expect-error nor through the accessors
    expect(text(record.data, 'summary')).toBeUndefined();
  });
});

describe('accessors', () => {
  it.each([
    [{ governed_by: ['A', 2, 'B'] }, ['A', 'B']],
    [{ governed_by: 'A' }, []],
    [{}, []],
  ])('list(%j) is %j', (data, expected) => {
    expect(list(data as Record<string, unknown>, 'governed_by')).toEqual(expected);
  });

  it('text reads nested text and nothing else', () => {
    expect(text({ review: { due: '2027-01-01' } }, 'review', 'due')).toBe('2027-01-01');
    expect(text({ review: { due: 5 } }, 'review', 'due')).toBeUndefined();
    expect(text({ review: null }, 'review', 'due')).toBeUndefined();
    expect(text({ constructor: 'x' } as Record<string, unknown>, 'toString')).toBeUndefined();
  });

  it('the retired statuses are statuses', () => {
    for (const s of RETIRED) expect(STATUSES).toContain(s);
  });
});
