import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { PageArgs, SortDirection } from '../shared/pagination';
import { ClusterKind } from './cluster.type';

export enum ClusterSortField {
  NAME = 'NAME',
  ID = 'ID',
  MEMBER_COUNT = 'MEMBER_COUNT',
}
registerEnumType(ClusterSortField, {
  name: 'ClusterSortField',
  valuesConfig: { MEMBER_COUNT: { description: 'Number of member projects' } },
});

@InputType({ description: 'All given filters must hold (AND)' })
export class ClusterFilter {
  @Field(() => ClusterKind, { nullable: true })
  kind?: ClusterKind;

  @Field(() => ID, { nullable: true, description: 'A member project is funded by this programme, or the programme supports the cluster' })
  programmeId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Based in this region or a sub-region, or has a member project located there',
  })
  regionId?: string;

  @Field(() => Int, { nullable: true, description: 'Member projects span at least this many distinct programmes' })
  minProgrammes?: number;

  @Field(() => String, { nullable: true, description: 'Case-insensitive match on name or description' })
  text?: string;
}

@InputType()
export class ClusterSort {
  @Field(() => ClusterSortField)
  field!: ClusterSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

@ArgsType()
export class ClustersArgs extends PageArgs {
  @Field(() => ClusterFilter, { nullable: true })
  filter?: ClusterFilter;

  @Field(() => ClusterSort, { nullable: true, description: 'Default: by name, ascending' })
  sort?: ClusterSort;
}
