/**
 * Every fact of the seed article ("Cluster approach to cross-border cooperation",
 * 24 October 2018), asked through GraphQL. Expected values are the article's own words
 * and numbers.
 */
import { useTestHelper } from './test-helper';

const helper = useTestHelper();

const PSKOV_CLUSTER = 'pskov-regional-project-cluster';
const ROUND_TABLE = 'round-table-cluster-approach-2018';

describe('the round table at the Strategic Leaders Forum', () => {
  it('was held within the forum in St Petersburg on 22–23 October 2018', async () => {
    const data = await helper.data<any>(`{
      event(id: "${ROUND_TABLE}") {
        name kind source
        partOf { name startDate endDate city }
        heldIn { id name }
      }
    }`);
    expect(data.event.name).toBe('Applying cluster approach to develop interregional and cross-border cooperation');
    expect(data.event.kind).toBe('round_table');
    expect(data.event.source).toBe('article');
    expect(data.event.partOf).toEqual({
      name: 'Strategic Leaders Forum',
      startDate: '2018-10-22',
      endDate: '2018-10-23',
      city: 'St Petersburg',
    });
    expect(data.event.heldIn.id).toBe('RU-SPE');
  });

  it('was organized by the three bodies the article names', async () => {
    const data = await helper.data<any>(`{ event(id: "${ROUND_TABLE}") { organizers { name } } }`);
    const names: string[] = data.event.organizers.map((o: { name: string }) => o.name);
    expect(names).toHaveLength(3);
    for (const expected of [
      /Ministry of Economic Development of the Russian Federation/,
      /Coordination Council for Cross-Border and Regional Cooperation of the North-West Federal District/,
      /Strategic Partnership\W+North-West/,
    ]) {
      expect(names.some((name) => expected.test(name))).toBe(true);
    }
  });

  it('heard the four people the article names, each with their organization', async () => {
    const data = await helper.data<any>(`{
      event(id: "${ROUND_TABLE}") {
        speakers { person { name worksFor { organization { name } } } }
      }
    }`);
    const speakers = new Map<string, string[]>(
      data.event.speakers.map((s: any) => [s.person.name, s.person.worksFor.map((w: any) => w.organization.name)]),
    );
    expect([...speakers.keys()].sort()).toEqual(['Elena Kolosova', 'Hannu Heikinnen', 'Igor Kapyrin', 'Marina Anikeeva']);
    expect(speakers.get('Igor Kapyrin')!.join()).toMatch(/Ministry of Foreign Affairs of the Russian Federation/);
    expect(speakers.get('Elena Kolosova')!.join()).toMatch(/Interreg Baltic Sea Region/);
    expect(speakers.get('Marina Anikeeva')!.join()).toMatch(/Pskov region/i);
    expect(speakers.get('Hannu Heikinnen')!.join()).toMatch(/Barents Regional Council/);
  });

  it('saw a composite-materials cluster and an energy cluster presented as industrial clusters', async () => {
    const data = await helper.data<any>(`{ event(id: "${ROUND_TABLE}") { presentedClusters { name kind } } }`);
    const industrial = data.event.presentedClusters.filter((c: any) => c.kind === 'INDUSTRIAL_CLUSTER');
    expect(industrial).toHaveLength(2);
    expect(industrial.some((c: any) => /composite/i.test(c.name))).toBe(true);
    expect(industrial.some((c: any) => /energy/i.test(c.name))).toBe(true);
  });
});

describe('Interreg Baltic Sea Region platforms', () => {
  it('has 6 platforms (clusters) and a call open for a new one', async () => {
    const data = await helper.data<any>(`{
      programme(id: "interreg-bsr-2014-2020") { name platformCallOpen clusters { name kind } }
    }`);
    expect(data.programme.platformCallOpen).toBe(true);
    expect(data.programme.clusters).toHaveLength(6);
    expect(data.programme.clusters.every((c: any) => c.kind === 'PROJECT_PLATFORM')).toBe(true);
  });

  it('keeps made-up platforms marked as illustrative', async () => {
    const data = await helper.data<any>(`{ programme(id: "interreg-bsr-2014-2020") { clusters { name source sourceUrls } } }`);
    for (const cluster of data.programme.clusters) {
      if (cluster.source === 'illustrative') {
        expect(cluster.name).toMatch(/illustrative/i);
        expect(cluster.sourceUrls).toEqual([]);
      } else {
        expect(cluster.sourceUrls.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('the Pskov regional project cluster', () => {
  it('is based in the Pskov region and includes 9 projects from three programmes', async () => {
    const data = await helper.data<any>(`{
      cluster(id: "${PSKOV_CLUSTER}") {
        kind region { id } programmeCount
        members(first: 100) { totalCount nodes { id programme { id } } }
      }
    }`);
    expect(data.cluster.kind).toBe('REGIONAL_PROJECT_CLUSTER');
    expect(data.cluster.region.id).toBe('RU-PSK');
    expect(data.cluster.members.totalCount).toBe(9);
    expect(data.cluster.members.nodes).toHaveLength(9);
    const programmes = new Set(data.cluster.members.nodes.map((m: any) => m.programme.id));
    expect(programmes.size).toBe(3);
    expect(data.cluster.programmeCount).toBe(3);
  });

  it('is found by the headline question: projects in Pskov in a cluster spanning 3 programmes', async () => {
    const data = await helper.data<any>(`{
      projectsInCrossProgrammeClusters(regionId: "RU-PSK", minProgrammes: 3) { cluster { id } programmeCount projects { id } }
    }`);
    const pskov = data.projectsInCrossProgrammeClusters.find((r: any) => r.cluster.id === PSKOV_CLUSTER);
    expect(pskov?.programmeCount).toBe(3);
    // All nine members work in the Pskov region.
    expect(pskov?.projects).toHaveLength(9);
  });
});

describe('the Kolarctic project "Barents Region Transport and Logistic"', () => {
  it('is a Kolarctic project starting on 1 November 2018, presented and signed at the round table', async () => {
    const data = await helper.data<any>(`{
      projects(filter: { text: "Barents Region Transport and Logistic" }) {
        nodes {
          id title startDate
          programme { id }
          presentedAt { id }
          agreementSignedAt { id }
        }
      }
    }`);
    expect(data.projects.nodes).toHaveLength(1);
    const [project] = data.projects.nodes;
    expect(project.programme.id).toBe('kolarctic-2014-2020');
    expect(project.startDate).toBe('2018-11-01');
    expect(project.presentedAt.map((e: any) => e.id)).toEqual([ROUND_TABLE]);
    expect(project.agreementSignedAt.map((e: any) => e.id)).toEqual([ROUND_TABLE]);
  });

  it('was presented by Hannu Heikinnen of the Barents working group on transport and logistics', async () => {
    const data = await helper.data<any>(`{ person(id: "hannu-heikinnen") { spokeAt { topic event { id } } } }`);
    const talk = data.person.spokeAt.find((t: any) => t.event.id === ROUND_TABLE);
    expect(talk.topic).toMatch(/Barents Region Transport and Logistic/);
  });
});
