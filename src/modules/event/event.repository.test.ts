import type { Executor } from '../../neo4j/executor';
import { SortDirection } from '../shared/pagination';
import { EventSortField } from './event.args';
import { eventListStatements } from './event.cypher';
import { EventRepository, toEvent, toSpeaker } from './event.repository';

const parametersOf = (cypher: string) => new Set([...cypher.matchAll(/\$(\w+)/g)].map(([, name]) => name));

describe('toEvent', () => {
  it('maps absent dates and city to null', () => {
    expect(toEvent({ id: 'round-table', name: 'Round table', kind: 'round_table', source: 'article' })).toEqual({
      id: 'round-table',
      name: 'Round table',
      kind: 'round_table',
      startDate: null,
      endDate: null,
      city: null,
      source: 'article',
      sourceUrls: [],
    });
  });
});

describe('toSpeaker', () => {
  it('takes topic and provenance from the relationship and maps the person inline', () => {
    const person = { id: 'marina-anikeeva', name: 'Marina Anikeeva', source: 'article' };
    expect(toSpeaker({ topic: 'Pskov cluster', source: 'article' }, person)).toEqual({
      topic: 'Pskov cluster',
      person: { id: 'marina-anikeeva', name: 'Marina Anikeeva', position: null, source: 'article', sourceUrls: [] },
      source: 'article',
      sourceUrls: [],
    });
  });
});

describe('EventRepository.list', () => {
  it('sorts by start date unless told otherwise', async () => {
    const read = jest.fn().mockResolvedValue([{ unknownReferences: [], totalCount: 0, items: [] }]);
    await new EventRepository({ read } as unknown as Executor).list(undefined, undefined, { offset: 0, limit: 5 });
    expect(read).toHaveBeenCalledWith(eventListStatements[EventSortField.START_DATE][SortDirection.ASC], {
      regionId: null,
      text: null,
      offset: 0,
      limit: 5,
    });
  });

  const everySort = Object.values(EventSortField).flatMap((field) =>
    Object.values(SortDirection).map((direction) => [field, direction] as const),
  );

  it.each(everySort)('sends every parameter the %s %s statement uses', async (field, direction) => {
    const read = jest.fn().mockResolvedValue([{ unknownReferences: [], totalCount: 0, items: [] }]);
    await new EventRepository({ read } as unknown as Executor).list({ regionId: 'RU-SPE' }, { field, direction }, { offset: 0, limit: 1 });
    const [cypher, parameters] = read.mock.calls[0];
    expect(cypher).toBe(eventListStatements[field][direction]);
    expect(Object.keys(parameters)).toEqual(expect.arrayContaining([...parametersOf(cypher)]));
  });
});
