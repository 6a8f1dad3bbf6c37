import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { PageArgs, SortDirection } from '../shared/pagination';
import { RegionLevel } from './region.type';

export enum RegionSortField {
  NAME = 'NAME',
  ID = 'ID',
  LEVEL = 'LEVEL',
  PROJECT_COUNT = 'PROJECT_COUNT',
}
registerEnumType(RegionSortField, {
  name: 'RegionSortField',
  valuesConfig: {
    LEVEL: { description: 'Broadest first: countries, then NUTS1 and federal districts, and so on down' },
    PROJECT_COUNT: { description: 'Number of projects located in the region or its sub-regions (Region.projectCount)' },
  },
});

@InputType({ description: 'All given filters must hold (AND)' })
export class RegionFilter {
  @Field(() => RegionLevel, { nullable: true })
  level?: RegionLevel;

  @Field(() => ID, { nullable: true, description: 'Lies within this region at any depth (the region itself excluded)' })
  withinId?: string;

  @Field(() => String, { nullable: true, description: 'Country code, case-insensitive (e.g. fi, RU)' })
  countryCode?: string;

  @Field(() => String, { nullable: true, description: 'Case-insensitive match on name or id' })
  text?: string;
}

@InputType()
export class RegionSort {
  @Field(() => RegionSortField)
  field!: RegionSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

@ArgsType()
export class RegionsArgs extends PageArgs {
  @Field(() => RegionFilter, { nullable: true })
  filter?: RegionFilter;

  @Field(() => RegionSort, { nullable: true, description: 'Default: by name, ascending' })
  sort?: RegionSort;
}
