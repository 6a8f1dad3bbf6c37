import { Field, Int, ObjectType } from 'type-graphql';
import { Cluster } from '../cluster/cluster.type';
import { Organization } from '../organization/organization.type';
import { Programme } from '../programme/programme.type';
import { Project } from '../project/project.type';
import { Region } from '../region/region.type';
import { connectionTypes } from '../shared/pagination';

@ObjectType({ description: 'A cluster whose member projects span several programmes, with its members in one region' })
export class ClusterProjectsInRegion {
  @Field(() => Cluster)
  cluster!: Cluster;

  @Field(() => Int, { description: 'Distinct programmes funding the cluster’s member projects (all members, not only those in the region)' })
  programmeCount!: number;

  @Field(() => [Programme])
  programmes!: Programme[];

  @Field(() => [Project], { description: 'Member projects located in the region or its sub-regions' })
  projects!: Project[];
}

@ObjectType({ description: 'A cluster and the programmes its member projects come from' })
export class ClusterProgrammeSpan {
  @Field(() => Cluster)
  cluster!: Cluster;

  @Field(() => Int)
  programmeCount!: number;

  @Field(() => [Programme])
  programmes!: Programme[];

  @Field(() => Int)
  memberCount!: number;
}

@ObjectType({ description: 'An organization and the programmes whose projects it takes part in' })
export class OrganizationProgrammeSpan {
  @Field(() => Organization)
  organization!: Organization;

  @Field(() => Int)
  programmeCount!: number;

  @Field(() => [Programme])
  programmes!: Programme[];

  @Field(() => Int)
  projectCount!: number;
}

@ObjectType({ description: 'A project and the programmes it reaches: its own, and those of every project it shares a cluster with' })
export class ProjectProgrammeSpan {
  @Field(() => Project)
  project!: Project;

  @Field(() => Int)
  programmeCount!: number;

  @Field(() => [Programme], { description: 'By name' })
  programmes!: Programme[];

  @Field(() => [Cluster], { description: 'The clusters the project belongs to, by name: the links to the other programmes' })
  clusters!: Cluster[];
}

export const ProjectProgrammeSpanConnection = connectionTypes(ProjectProgrammeSpan, 'ProjectProgrammeSpan');
export const ClusterProgrammeSpanConnection = connectionTypes(ClusterProgrammeSpan, 'ClusterProgrammeSpan');
export const OrganizationProgrammeSpanConnection = connectionTypes(OrganizationProgrammeSpan, 'OrganizationProgrammeSpan');

@ObjectType({
  description:
    'The programme span of a scope (one region, or the whole graph): its projects, clusters and organizations ranked by how many distinct programmes each connects to, the broadest first',
})
export class ProgrammeSpan {
  @Field(() => Region, { nullable: true, description: 'The region looked at; null for the whole graph' })
  region!: Region | null;

  @Field({ description: 'Whether the region’s sub-regions are looked at too' })
  includeSubRegions!: boolean;

  @Field(() => Int, { description: 'Only items connecting to at least this many programmes are listed' })
  minProgrammes!: number;
}
