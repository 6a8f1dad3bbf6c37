import type { Executor } from '../../neo4j/executor';
import { organizationProgrammesCypher } from './organization.cypher';
import { createOrganizationLoaders } from './organization.loaders';

const programme = (id: string) => ({ id, name: id, shortName: id, kind: 'ENI CBC', source: 'cbc' });

describe('createOrganizationLoaders', () => {
  it('batches the programmes of several organizations into one statement and answers in key order', async () => {
    const read = jest.fn().mockResolvedValue([
      // Rows come back in any order and only for organizations that take part in a project.
      { id: 'b', programmes: [programme('karelia-2014-2020')] },
      { id: 'a', programmes: [programme('estonia-russia-2014-2020'), programme('kolarctic-2014-2020')] },
    ]);
    const loaders = createOrganizationLoaders({ read } as unknown as Executor);

    const results = await Promise.all(['a', 'none', 'b'].map((id) => loaders.programmes.load(id)));

    expect(read).toHaveBeenCalledTimes(1);
    expect(read).toHaveBeenCalledWith(organizationProgrammesCypher, { ids: ['a', 'none', 'b'] });
    expect(results.map((programmes) => programmes.map(({ id }) => id))).toEqual([
      ['estonia-russia-2014-2020', 'kolarctic-2014-2020'],
      [],
      ['karelia-2014-2020'],
    ]);
  });

  it('builds participations with the organization as key and the project as the related node', async () => {
    const read = jest.fn().mockResolvedValue([
      {
        id: 'pskov-state-university',
        related: [{ node: { id: 'ER-45', title: 'T', source: 'cbc' }, relationship: { role: 'lead', budgetEur: 1200.5, source: 'cbc' } }],
      },
    ]);
    const loaders = createOrganizationLoaders({ read } as unknown as Executor);

    expect(await loaders.participations.load('pskov-state-university')).toEqual([
      { role: 'lead', budgetEur: 1200.5, source: 'cbc', sourceUrls: [], organizationId: 'pskov-state-university', projectId: 'ER-45' },
    ]);
  });
});
