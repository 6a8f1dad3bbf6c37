import { Field, Int, ObjectType } from 'type-graphql';
import { Cluster } from '../cluster/cluster.type';
import { Organization } from '../organization/organization.type';
import { Programme } from '../programme/programme.type';
import { Project } from '../project/project.type';

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
