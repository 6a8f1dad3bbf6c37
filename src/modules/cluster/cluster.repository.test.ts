import type { Executor } from '../../neo4j/executor';
import { SortDirection } from '../shared/pagination';
import { ClusterSortField } from './cluster.args';
import { clusterListStatements } from './cluster.cypher';
import { ClusterRepository, toCluster } from './cluster.repository';
import { ClusterKind } from './cluster.type';

function fakeExecutor() {
  const read = jest.fn().mockResolvedValue([{ unknownReferences: [], totalCount: 0, items: [] }]);
  return { executor: { read } as unknown as Executor, read };
}

const parametersOf = (cypher: string) => new Set([...cypher.matchAll(/\$(\w+)/g)].map(([, name]) => name));

describe('toCluster', () => {
  it('maps stored properties, keeping the stored kind as the enum value', () => {
    const stored = { id: 'pskov-cluster', name: 'Pskov regional project cluster', kind: 'regional_project_cluster', source: 'article' };
    expect(toCluster(stored)).toEqual({
      id: 'pskov-cluster',
      name: 'Pskov regional project cluster',
      kind: ClusterKind.REGIONAL_PROJECT_CLUSTER,
      description: null,
      established: null,
      source: 'article',
      sourceUrls: [],
    });
  });

  it('keeps the established day as the executor returns it', () => {
    const stored = { id: 'c', name: 'C', kind: 'project_platform', established: '2019-05-01', source: 'cbc' };
    expect(toCluster(stored).established).toBe('2019-05-01');
  });

  it('rejects a kind outside ClusterKind rather than passing it to the schema', () => {
    expect(() => toCluster({ id: 'c', name: 'C', kind: 'platform', source: 'cbc' })).toThrow(
      'Stored cluster "c" has unknown kind "platform"',
    );
  });
});

describe('ClusterRepository.list', () => {
  it('sends the filters as the statement expects them and absent ones as null', async () => {
    const { executor, read } = fakeExecutor();
    await new ClusterRepository(executor).list({ kind: ClusterKind.PROJECT_PLATFORM, minProgrammes: 2, text: ' Blue ' }, undefined, {
      offset: 0,
      limit: 20,
    });
    expect(read).toHaveBeenCalledWith(clusterListStatements[ClusterSortField.NAME][SortDirection.ASC], {
      kind: 'project_platform',
      programmeId: null,
      regionId: null,
      minProgrammes: 2,
      text: 'blue',
      offset: 0,
      limit: 20,
    });
  });

  const everySort = Object.values(ClusterSortField).flatMap((field) =>
    Object.values(SortDirection).map((direction) => [field, direction] as const),
  );

  it.each(everySort)('sends every parameter the %s %s statement uses', async (field, direction) => {
    const { executor, read } = fakeExecutor();
    await new ClusterRepository(executor).list(undefined, { field, direction }, { offset: 0, limit: 1 });
    const [cypher, parameters] = read.mock.calls[0];
    expect(cypher).toBe(clusterListStatements[field][direction]);
    expect(Object.keys(parameters)).toEqual(expect.arrayContaining([...parametersOf(cypher)]));
  });
});
