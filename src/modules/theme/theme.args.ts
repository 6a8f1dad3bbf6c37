import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { PageArgs, SortDirection } from '../shared/pagination';

export enum ThematicAreaSortField {
  NAME = 'NAME',
  CODE = 'CODE',
  PROJECT_COUNT = 'PROJECT_COUNT',
}
registerEnumType(ThematicAreaSortField, {
  name: 'ThematicAreaSortField',
  valuesConfig: {
    CODE: { description: 'Shorter codes first, so TO2 comes before TO10; areas without a code last' },
    PROJECT_COUNT: { description: 'Number of projects addressing the thematic area (ThematicArea.projectCount)' },
  },
});

@InputType({ description: 'All given filters must hold (AND)' })
export class ThematicAreaFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive match on name or code' })
  text?: string;
}

@InputType()
export class ThematicAreaSort {
  @Field(() => ThematicAreaSortField)
  field!: ThematicAreaSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

@ArgsType()
export class ThematicAreasArgs extends PageArgs {
  @Field(() => ThematicAreaFilter, { nullable: true })
  filter?: ThematicAreaFilter;

  @Field(() => ThematicAreaSort, { nullable: true, description: 'Default: by name, ascending' })
  sort?: ThematicAreaSort;
}
