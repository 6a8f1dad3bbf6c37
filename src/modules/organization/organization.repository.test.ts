import type { Executor } from '../../neo4j/executor';
import { SortDirection } from '../shared/pagination';
import { ParticipationRole } from '../project/project.type';
import { OrganizationSortField } from './organization.args';
import { organizationListStatements } from './organization.cypher';
import { OrganizationRepository, toOrganization } from './organization.repository';

function fakeExecutor() {
  const read = jest.fn().mockResolvedValue([{ unknownReferences: [], totalCount: 0, items: [] }]);
  return { executor: { read } as unknown as Executor, read };
}

const parametersOf = (cypher: string) => new Set([...cypher.matchAll(/\$(\w+)/g)].map(([, name]) => name));

describe('toOrganization', () => {
  it('maps absent country and city to null and splits the source URLs', () => {
    const stored = {
      id: 'pskov-state-university',
      name: 'Pskov State University',
      source: 'cbc',
      sourceUrl: 'https://a.example ; https://b.example',
    };
    expect(toOrganization(stored)).toEqual({
      id: 'pskov-state-university',
      name: 'Pskov State University',
      country: null,
      city: null,
      source: 'cbc',
      sourceUrls: ['https://a.example', 'https://b.example'],
    });
  });
});

describe('OrganizationRepository.list', () => {
  it('normalises country and text and sends absent filters as null', async () => {
    const { executor, read } = fakeExecutor();
    await new OrganizationRepository(executor).list({ country: ' FINLAND ', text: ' Uni ', role: ParticipationRole.LEAD }, undefined, {
      offset: 0,
      limit: 20,
    });
    expect(read).toHaveBeenCalledWith(organizationListStatements[OrganizationSortField.NAME][SortDirection.ASC], {
      programmeId: null,
      projectId: null,
      regionId: null,
      country: 'finland',
      role: 'lead',
      text: 'uni',
      offset: 0,
      limit: 20,
    });
  });

  const everySort = Object.values(OrganizationSortField).flatMap((field) =>
    Object.values(SortDirection).map((direction) => [field, direction] as const),
  );

  it.each(everySort)('sends every parameter the %s %s statement uses', async (field, direction) => {
    const { executor, read } = fakeExecutor();
    await new OrganizationRepository(executor).list(undefined, { field, direction }, { offset: 0, limit: 1 });
    const [cypher, parameters] = read.mock.calls[0];
    expect(cypher).toBe(organizationListStatements[field][direction]);
    expect(Object.keys(parameters)).toEqual(expect.arrayContaining([...parametersOf(cypher)]));
  });
});
