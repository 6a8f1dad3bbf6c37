import { missingScopeFilters, projectScopeMatch, scopeFiltersFound, scopeParameters } from './project-scope.cypher';

describe('projectScopeMatch', () => {
  it('reads every project when no filter is given', () => {
    expect(projectScopeMatch({})).toBe('MATCH (p:Project)');
  });

  it('anchors on the most selective filter given and checks the others, with no null guards', () => {
    const cypher = projectScopeMatch({ datasetId: 'd', regionId: 'r', programmeId: 'g' });
    expect(cypher).toBe(
      'MATCH (:Programme {id: $programmeId})<-[:FUNDED_BY]-(p:Project)' +
        ' WHERE EXISTS { (p)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..5]->(:Region {id: $regionId}) } AND p.source = $datasetId\nWITH DISTINCT p',
    );
    expect(cypher).not.toMatch(/IS NULL/);
  });

  it('walks a region down to its sub-regions when the region is the anchor', () => {
    expect(projectScopeMatch({ regionId: 'r' })).toBe('MATCH (:Region {id: $regionId})<-[:PART_OF*0..5]-(:Region)<-[:LOCATED_IN]-(p:Project)\nWITH DISTINCT p');
  });

  it('starts from the given project ids before any other filter', () => {
    expect(projectScopeMatch({ themeId: 't', projectIds: ['a'] })).toBe(
      'UNWIND $projectIds AS projectId MATCH (p:Project {id: projectId}) WHERE EXISTS { (p)-[:ADDRESSES]->(:ThematicArea {id: $themeId}) }\nWITH DISTINCT p',
    );
  });
});

describe('scope filter ids', () => {
  it('asks only for the filters given and names those the graph lacks', () => {
    const scope = { programmeId: 'g', themeId: 't', projectIds: ['a'] };
    expect(scopeFiltersFound(scope)).toEqual(['EXISTS { (:Programme {id: $programmeId}) } AS programmeIdFound', 'EXISTS { (:ThematicArea {id: $themeId}) } AS themeIdFound']);
    expect(missingScopeFilters(scope, { programmeIdFound: true, themeIdFound: false })).toEqual(['themeId']);
    expect(scopeParameters({ programmeId: 'g', regionId: undefined })).toEqual({ programmeId: 'g' });
  });
});
