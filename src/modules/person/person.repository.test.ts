import type { Executor } from '../../neo4j/executor';
import { SortDirection } from '../shared/pagination';
import { PersonSortField } from './person.args';
import { personListStatements } from './person.cypher';
import { PersonRepository, toEmployment, toTalk } from './person.repository';

const parametersOf = (cypher: string) => new Set([...cypher.matchAll(/\$(\w+)/g)].map(([, name]) => name));

describe('toEmployment', () => {
  it('takes position and provenance from the relationship and maps the organization inline', () => {
    expect(
      toEmployment(
        { position: 'programme manager', source: 'article' },
        { id: 'interreg-bsr-secretariat', name: 'Interreg BSR secretariat', city: 'Rostock', source: 'cbc', sourceUrl: 'https://a.example' },
      ),
    ).toEqual({
      position: 'programme manager',
      organization: {
        id: 'interreg-bsr-secretariat',
        name: 'Interreg BSR secretariat',
        country: null,
        city: 'Rostock',
        source: 'cbc',
        sourceUrls: ['https://a.example'],
      },
      source: 'article',
      sourceUrls: [],
    });
  });
});

describe('toTalk', () => {
  it('maps an absent topic to null and the event inline', () => {
    const event = { id: 'round-table', name: 'Round table', kind: 'round_table', startDate: '2018-10-22', source: 'article' };
    const talk = toTalk({ source: 'article' }, event);
    expect(talk.topic).toBeNull();
    expect(talk.event).toMatchObject({ id: 'round-table', kind: 'round_table', startDate: '2018-10-22', endDate: null });
  });
});

describe('PersonRepository.list', () => {
  it('sends every parameter the statement uses', async () => {
    const read = jest.fn().mockResolvedValue([{ unknownReferences: [], totalCount: 0, items: [] }]);
    await new PersonRepository({ read } as unknown as Executor).list({ organizationId: 'o', text: ' ' }, undefined, { offset: 0, limit: 5 });
    const [cypher, parameters] = read.mock.calls[0];
    expect(cypher).toBe(personListStatements[PersonSortField.NAME][SortDirection.ASC]);
    expect(parameters).toEqual({ organizationId: 'o', text: null, offset: 0, limit: 5 });
    expect(Object.keys(parameters)).toEqual(expect.arrayContaining([...parametersOf(cypher)]));
  });
});
