import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Person } from '../person/person.type';
import { connectionTypes } from '../shared/pagination';
import { SOURCE_DESCRIPTION } from '../shared/provenance';

@ObjectType({ description: 'A forum, round table or similar event where cooperation was presented' })
export class Event {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: '`forum` or `round_table`' })
  kind!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  startDate!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  endDate!: string | null;

  @Field(() => String, { nullable: true })
  city!: string | null;

  @Field(() => String, { description: SOURCE_DESCRIPTION })
  source!: string;

  @Field(() => [String])
  sourceUrls!: string[];
}

@ObjectType({ description: 'A person who spoke at an event, with the topic' })
export class Speaker {
  @Field(() => String, { nullable: true })
  topic!: string | null;

  @Field(() => Person)
  person!: Person;

  @Field(() => String, { description: SOURCE_DESCRIPTION })
  source!: string;

  @Field(() => [String])
  sourceUrls!: string[];
}

@ObjectType({ description: 'A talk a person gave at an event' })
export class Talk {
  @Field(() => String, { nullable: true })
  topic!: string | null;

  @Field(() => Event)
  event!: Event;

  @Field(() => String, { description: SOURCE_DESCRIPTION })
  source!: string;

  @Field(() => [String])
  sourceUrls!: string[];
}

@ObjectType()
export class EventConnection extends connectionTypes(Event, 'Event') {}
