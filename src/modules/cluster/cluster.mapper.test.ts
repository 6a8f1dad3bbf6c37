import { toCluster } from './cluster.mapper';
import { ClusterKind } from './cluster.type';

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
