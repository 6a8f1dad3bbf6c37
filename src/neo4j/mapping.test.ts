import neo4j from 'neo4j-driver';
import { toPlain } from './mapping';

describe('toPlain', () => {
  it('keeps scalars, turns Integers and bigints into numbers and null-likes into null', () => {
    expect([toPlain('a'), toPlain(2.5), toPlain(true), toPlain(null), toPlain(undefined)]).toEqual(['a', 2.5, true, null, null]);
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(toPlain(BigInt(7))).toBe(7);
  });

  it('writes dates as ISO calendar days and date-times as ISO text', () => {
    expect(toPlain(new neo4j.types.Date(2019, 3, 1))).toBe('2019-03-01');
    expect(toPlain(new neo4j.types.LocalDateTime(2019, 3, 1, 12, 30, 0, 0))).toBe('2019-03-01T12:30:00');
  });

  it('converts driver values nested inside plain maps and lists', () => {
    const value = { count: neo4j.int(3), rows: [{ start: new neo4j.types.Date(2020, 1, 2), ids: ['a', 'b'] }], empty: [] };
    expect(toPlain(value)).toEqual({ count: 3, rows: [{ start: '2020-01-02', ids: ['a', 'b'] }], empty: [] });
  });

  it('returns the properties of nodes and relationships, converted', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Project'], { id: 'p1', budget: neo4j.int(10) }, 'e1');
    const relationship = new neo4j.types.Relationship(neo4j.int(2), neo4j.int(1), neo4j.int(3), 'PARTICIPATES_IN', { role: 'lead' }, 'e2', 'e1', 'e3');
    expect(toPlain([node, relationship])).toEqual([{ id: 'p1', budget: 10 }, { role: 'lead' }]);
  });

  it('copies maps instead of handing out the driver objects', () => {
    const map = { a: 1 };
    const plain = toPlain(map) as Record<string, unknown>;
    expect(plain).toEqual(map);
    expect(plain).not.toBe(map);
  });
});
