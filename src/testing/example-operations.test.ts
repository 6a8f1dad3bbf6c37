/**
 * Runs every example operation in schema/operations/ (the ones the playground opens and
 * codegen types) against the seeded graph, with their default variables.
 */
import fs from 'node:fs';
import * as operations from '../generated/operations';
import { fromRoot } from '../paths';
import { regionAndDescendants, seedNodes, seedRelationships } from './seed-fixtures';
import { useTestHelper } from './test-helper';

const helper = useTestHelper();

const operationNames = fs
  .readdirSync(fromRoot('schema', 'operations'))
  .filter((file) => file.endsWith('.graphql'))
  .map((file) => file.replace(/\.graphql$/, ''));

describe('example operations', () => {
  it.each(operationNames)('%s has a typed document and runs without errors', async (name) => {
    const document = (operations as Record<string, unknown>)[`${name}Document`];
    expect(document).toBeDefined();
    const result = await helper.execute(document as never);
    expect(result.errors).toBeUndefined();
    expect(result.data).not.toBeNull();
  });

  it('ProjectByKeepEuKey finds the project keep.eu keys so, with the call its seed row names', async () => {
    const data = await helper.data(operations.ProjectByKeepEuKeyDocument);
    const key = 'keep-eu:2014 - 2020 INTERREG VB Baltic Sea|Baltic LINes';
    const projectId = seedRelationships('IDENTIFIED_BY').find((row) => row.to === key)?.from;
    const callId = seedRelationships('FUNDED_UNDER').find((row) => row.from === projectId)?.to;
    const call = seedNodes('calls').find((row) => row.id === callId);
    expect(data.projectByExternalId?.id).toBe(projectId);
    expect(data.projectByExternalId?.call?.serialNumber).toBe(call?.serial_number);
    expect(data.projectByExternalId?.call?.programme?.calls.length).toBe(seedRelationships('OPENED_BY').filter((row) => row.to === 'interreg-bsr-2014-2020').length);
  });

  it('ProgrammesOverview counts the seeded programmes', async () => {
    const data = await helper.data(operations.ProgrammesOverviewDocument);
    expect(data.programmes.totalCount).toBe(seedNodes('programmes').length);
  });

  it('PskovCrossProgrammeClusters finds the Pskov cluster spanning three programmes', async () => {
    const data = await helper.data(operations.PskovCrossProgrammeClustersDocument, { regionId: 'RU-PSK', minProgrammes: 3 });
    const pskov = data.projectsInCrossProgrammeClusters.find((row) => row.cluster.id === 'pskov-regional-project-cluster');
    expect(pskov?.programmeCount).toBe(3);
    expect(pskov?.programmes).toHaveLength(3);
  });

  it('PskovProgrammeSpan lists every member of the Pskov regional cluster located in Pskov', async () => {
    const inPskov = regionAndDescendants('RU-PSK');
    const located = new Set(seedRelationships('LOCATED_IN').filter((row) => inPskov.has(row.to)).map((row) => row.from));
    const members = seedRelationships('MEMBER_OF')
      .filter((row) => row.to === 'pskov-regional-project-cluster' && located.has(row.from))
      .map((row) => row.from);
    expect(members.length).toBeGreaterThan(0);
    const data = await helper.data(operations.PskovProgrammeSpanDocument);
    const listed = new Set(data.programmeSpan.projects.nodes.map((node) => node.project.id));
    for (const member of members) expect(listed.has(member)).toBe(true);
    expect(data.programmeSpan.projects.totalCount).toBeGreaterThanOrEqual(members.length);
  });

  it('ProjectsInRegion pages through the projects located in Pskov', async () => {
    const inPskov = regionAndDescendants('RU-PSK');
    const expected = new Set(seedRelationships('LOCATED_IN').filter((row) => inPskov.has(row.to)).map((row) => row.from));
    const first = await helper.data(operations.ProjectsInRegionDocument, { regionId: 'RU-PSK', first: 3 });
    expect(first.projects.totalCount).toBe(expected.size);
    const second = await helper.data(operations.ProjectsInRegionDocument, {
      regionId: 'RU-PSK',
      first: 3,
      after: first.projects.pageInfo.endCursor,
    });
    const seen = [...first.projects.nodes, ...second.projects.nodes].map((node) => node.id);
    expect(new Set(seen).size).toBe(Math.min(6, expected.size));
    for (const id of seen) expect(expected.has(id)).toBe(true);
  });

  it('ProjectDetails shows KO1029 with its partners as the seed lists them', async () => {
    const data = await helper.data(operations.ProjectDetailsDocument, { id: 'KO1029' });
    const expectedPartners = seedRelationships('PARTICIPATES_IN').filter((row) => row.to === 'KO1029');
    expect(data.project.partners).toHaveLength(expectedPartners.length);
    expect(data.project.startDate).toBe('2018-11-01');
  });
});
