/**
 * Responsible for the benchmark's peer: `@neo4j/graphql` 7 type definitions equivalent to
 * coopgraph's model of the same graph, and the schema built from them. Stored sort keys
 * (`sortTitle`, `sortName`) are exposed as fields so it can order as coopgraph does.
 */
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { GraphQLSchema } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { projectsReachingProgrammes } from './floor';

// The two cross-programme questions have no generated equivalent (they order by an
// aggregate of a two-hop pattern), so the peer answers them as its users would: a
// hand-written @cypher field returning plain maps.
export const PEER_TYPE_DEFINITIONS = /* GraphQL */ `
  type Project
    @node
    @fulltext(indexes: [{ indexName: "project_search", queryName: "projectsText", fields: ["searchText"] }]) {
    id: ID!
    code: String
    acronym: String
    title: String
    startDate: Date
    endDate: Date
    totalBudgetEur: Float
    sortTitle: String!
    searchText: String
    programme: Programme @relationship(type: "FUNDED_BY", direction: OUT)
    partners: [Organization!]! @relationship(type: "PARTICIPATES_IN", direction: IN, properties: "Participation")
    regions: [Region!]! @relationship(type: "LOCATED_IN", direction: OUT)
    themes: [ThematicArea!]! @relationship(type: "ADDRESSES", direction: OUT)
    clusters: [Cluster!]! @relationship(type: "MEMBER_OF", direction: OUT)
  }

  type Participation @relationshipProperties {
    role: String!
    budgetEur: Float
  }

  type Programme @node {
    id: ID!
    name: String!
    shortName: String!
    kind: String!
    sortName: String!
    projects: [Project!]! @relationship(type: "FUNDED_BY", direction: IN)
    # Distinct organizations two hops away have no generated aggregate (j).
    partnerCount: Int!
      @cypher(
        columnName: "partnerCount"
        statement: "MATCH (this)<-[:FUNDED_BY]-(:Project)<-[:PARTICIPATES_IN]-(o:Organization) RETURN count(DISTINCT o) AS partnerCount"
      )
  }

  type Organization @node {
    id: ID!
    name: String!
    country: String
    sortName: String!
    projects: [Project!]! @relationship(type: "PARTICIPATES_IN", direction: OUT, properties: "Participation")
  }

  type Region @node {
    id: ID!
    name: String!
    level: String!
    countryCode: String!
    parent: [Region!]! @relationship(type: "PART_OF", direction: OUT)
    children: [Region!]! @relationship(type: "PART_OF", direction: IN)
    projects: [Project!]! @relationship(type: "LOCATED_IN", direction: IN)
  }

  type ThematicArea @node {
    id: ID!
    code: String
    name: String!
    projects: [Project!]! @relationship(type: "ADDRESSES", direction: IN)
  }

  type Cluster @node {
    id: ID!
    name: String!
    kind: String!
    sortName: String!
    members: [Project!]! @relationship(type: "MEMBER_OF", direction: IN)
  }

  type NodeRef {
    id: ID!
    name: String!
  }

  type OrganizationProgrammeSpan {
    organization: NodeRef!
    projectCount: Int!
    programmes: [NodeRef!]!
  }

  type ClusterProgrammeSpan {
    cluster: NodeRef!
    memberCount: Int!
    programmes: [NodeRef!]!
  }

  type ProjectProgrammeSpan {
    id: ID!
    programmes: [NodeRef!]!
  }

  type Query {
    projectsSpanningProgrammes(regionId: ID!, minProgrammes: Int!, first: Int!): [ProjectProgrammeSpan!]!
      @cypher(
        columnName: "span"
        statement: """
        ${projectsReachingProgrammes}
        WITH p, collect(DISTINCT g {.id, .name}) AS programmes
        WHERE size(programmes) >= $minProgrammes
        WITH p, programmes ORDER BY size(programmes) DESC, COUNT { (p)-[:MEMBER_OF]->(:Cluster) } DESC, p.sortTitle LIMIT $first
        RETURN {id: p.id, programmes: programmes} AS span
        """
      )
    projectsSpanningProgrammesCount(regionId: ID!, minProgrammes: Int!): Int!
      @cypher(
        columnName: "total"
        statement: """
        ${projectsReachingProgrammes}
        WITH p, count(DISTINCT g) AS programmeCount
        WHERE programmeCount >= $minProgrammes
        RETURN count(p) AS total
        """
      )
    organizationsAcrossProgrammes(minProgrammes: Int!, first: Int!): [OrganizationProgrammeSpan!]!
      @cypher(
        columnName: "span"
        statement: """
        MATCH (o:Organization)-[:PARTICIPATES_IN]->(:Project)-[:FUNDED_BY]->(g:Programme)
        WITH o, count(*) AS projectCount, collect(DISTINCT g {.id, .name}) AS programmes
        WHERE size(programmes) >= $minProgrammes
        WITH o, projectCount, programmes ORDER BY size(programmes) DESC, projectCount DESC, o.name LIMIT $first
        RETURN {organization: o {.id, .name}, projectCount: projectCount, programmes: programmes} AS span
        """
      )
    clustersSpanningProgrammes(minProgrammes: Int!): [ClusterProgrammeSpan!]!
      @cypher(
        columnName: "span"
        statement: """
        MATCH (c:Cluster)<-[:MEMBER_OF]-(:Project)-[:FUNDED_BY]->(g:Programme)
        WITH c, count(*) AS memberCount, collect(DISTINCT g {.id, .name}) AS programmes
        WHERE size(programmes) >= $minProgrammes
        WITH c, memberCount, programmes ORDER BY size(programmes) DESC, memberCount DESC, c.name
        RETURN {cluster: c {.id, .name}, memberCount: memberCount, programmes: programmes} AS span
        """
      )
  }
`;

/** Builds the peer's executable schema over `driver`. */
export async function createPeerSchema(driver: Driver): Promise<GraphQLSchema> {
  return new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFINITIONS, driver }).getSchema();
}
