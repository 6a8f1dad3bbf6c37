/**
 * Query-translation tests: the statement a list request produces. They pin the shape
 * the planner needs (no null guards, the right start, keyset and LIMIT in the database,
 * counting only on request); the answers themselves are tested against Neo4j per domain.
 */
import { projectList } from '../modules/project/project.cypher';
import { ProjectSortField } from '../modules/project/project.args';
import { buildListStatement, luceneQuery, type ListRequest } from './list-statement';

const request = (overrides: Partial<ListRequest<ProjectSortField>> = {}): ListRequest<ProjectSortField> => ({
  filters: {},
  sort: ProjectSortField.TITLE,
  direction: 'ASC',
  limit: 21,
  withTotal: false,
  ...overrides,
});

describe('buildListStatement', () => {
  it('reads every project in key order with no filter, and counts only when asked', () => {
    const { cypher, parameters } = buildListStatement(projectList, request());
    expect(cypher).toContain('MATCH (n:Project)');
    expect(cypher).toContain('WHERE n.sortTitle IS NOT NULL');
    expect(cypher).toContain('ORDER BY n.sortTitle ASC LIMIT $limit');
    expect(cypher).not.toContain('totalCount');
    expect(parameters).toEqual({ limit: 21 });
    expect(buildListStatement(projectList, request({ withTotal: true })).cypher).toContain('count(n) AS totalCount');
  });

  it('never guards a filter with IS NULL OR, whatever filters are given', () => {
    const all = { organizationId: 'o', clusterId: 'c', programmeId: 'p', regionId: 'r', themeId: 't', activeFrom: '2019-01-01', activeTo: '2020-01-01', source: 'cbc', text: '+a*' };
    const names = Object.keys(all);
    for (let mask = 0; mask < 1 << names.length; mask += 1) {
      const filters = Object.fromEntries(names.filter((_, bit) => mask & (1 << bit)).map((name) => [name, all[name as keyof typeof all]]));
      const { cypher, parameters } = buildListStatement(projectList, request({ filters, withTotal: true }));
      expect(cypher).not.toMatch(/IS NULL OR/i);
      // Only given filters become parameters.
      for (const name of names) expect(name in parameters).toBe(name in filters);
    }
  });

  it('starts from the most selective anchor given and checks the others from each candidate', () => {
    const { cypher } = buildListStatement(projectList, request({ filters: { programmeId: 'p', regionId: 'r' } }));
    expect(cypher).toContain('MATCH (anchor_programmeId)<-[:FUNDED_BY]-(n:Project)');
    expect(cypher).toContain('EXISTS { MATCH (anchor_regionId)<-[:PART_OF*0..5]-(:Region)<-[:LOCATED_IN]-(n) }');
    const region = buildListStatement(projectList, request({ filters: { regionId: 'r' } })).cypher;
    expect(region).toContain('MATCH (anchor_regionId)<-[:PART_OF*0..5]-(:Region)<-[:LOCATED_IN]-(n:Project)');
    expect(region).toContain('WITH DISTINCT n');
  });

  it('starts from the full-text index when text is given', () => {
    const { cypher, parameters } = buildListStatement(projectList, request({ filters: { text: '+barents*', themeId: 't' } }));
    expect(cypher).toContain('CALL db.index.fulltext.queryNodes($textIndex, $text) YIELD node AS n');
    expect(parameters.textIndex).toBe('project_search');
    expect(cypher).toContain('EXISTS { MATCH (anchor_themeId)<-[:ADDRESSES]-(n) }');
  });

  it('searches once when text and totalCount are both asked: the count is the size of the hits', () => {
    const { cypher } = buildListStatement(projectList, request({ filters: { text: '+barents*' }, withTotal: true }));
    expect(cypher.split('db.index.fulltext.queryNodes').length - 1).toBe(1);
    expect(cypher).toContain('size(hits) AS totalCount');
    expect(cypher).not.toContain('count(n) AS totalCount');
  });

  it('continues after the cursor key in either direction', () => {
    const asc = buildListStatement(projectList, request({ after: 'k' }));
    expect(asc.cypher).toContain('n.sortTitle > $after');
    expect(asc.parameters.after).toBe('k');
    const desc = buildListStatement(projectList, request({ after: 'k', direction: 'DESC', sort: ProjectSortField.START_DATE }));
    expect(desc.cypher).toContain('n.sortStart < $after');
    expect(desc.cypher).toContain('ORDER BY n.sortStart DESC');
  });

  it('returns declared properties only, plus the sort key', () => {
    const { cypher } = buildListStatement(projectList, request());
    expect(cypher).toMatch(/collect\(n \{\.id, \.code, .*\.source, \.sourceUrl, _key: n\.sortTitle\}\)/);
    expect(cypher).not.toContain('properties(n)');
  });
});

describe('luceneQuery', () => {
  it('makes every word a required prefix, lower-cased', () => {
    expect(luceneQuery('  Barents  Euro-Arctic ')).toBe('+barents* +euro* +arctic*');
  });

  it('drops Lucene syntax so nothing is parsed', () => {
    expect(luceneQuery('title:"x" AND (y OR z~2)^3 \\ * ? -w +v')).toBe('+title* +x* +and* +y* +or* +z* +2* +3* +w* +v*');
    expect(luceneQuery('*~()"\\')).toBeNull();
  });

  it('keeps letters of any script and digits', () => {
    expect(luceneQuery('Псков Luleå 2014')).toBe('+псков* +luleå* +2014*');
  });
});
