import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { PageArgs, SortDirection } from '../shared/pagination';

export enum EventSortField {
  NAME = 'NAME',
  START_DATE = 'START_DATE',
}
registerEnumType(EventSortField, { name: 'EventSortField' });

@InputType({ description: 'All given filters must hold (AND)' })
export class EventFilter {
  @Field(() => ID, { nullable: true, description: 'Held in this region or any of its sub-regions' })
  regionId?: string;

  @Field(() => String, { nullable: true, description: 'Case-insensitive match on name' })
  text?: string;
}

@InputType()
export class EventSort {
  @Field(() => EventSortField)
  field!: EventSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction!: SortDirection;
}

@ArgsType()
export class EventsArgs extends PageArgs {
  @Field(() => EventFilter, { nullable: true })
  filter?: EventFilter;

  @Field(() => EventSort, { nullable: true, description: 'Default: by start date, ascending' })
  sort?: EventSort;
}
