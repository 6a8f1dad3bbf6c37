import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../shared/pagination';
import { SOURCE_DESCRIPTION } from '../shared/provenance';

export enum RegionLevel {
  COUNTRY = 'country',
  NUTS1 = 'NUTS1',
  NUTS2 = 'NUTS2',
  NUTS3 = 'NUTS3',
  FEDERAL_DISTRICT = 'federal_district',
  FEDERAL_SUBJECT = 'federal_subject',
  COUNTY = 'county',
  SUBDIVISION = 'subdivision',
}
registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  valuesConfig: {
    COUNTRY: { description: 'A country (ISO 3166-1 or NUTS 2013 country code)' },
    NUTS1: { description: 'NUTS 2013 level 1' },
    NUTS2: { description: 'NUTS 2013 level 2' },
    NUTS3: { description: 'NUTS 2013 level 3' },
    FEDERAL_DISTRICT: { description: 'A federal district of Russia (e.g. North-West Federal District)' },
    FEDERAL_SUBJECT: { description: 'A federal subject of Russia: oblast, republic, krai, federal city or okrug' },
    COUNTY: { description: 'A county (e.g. a Norwegian fylke)' },
    SUBDIVISION: {
      description: 'A subdivision of a country in ISO 3166-2 (a Ukrainian oblast, a Belarusian or Moldovan region, a Polish voivodeship, …); `kind` says what the country calls it',
    },
  },
});

@ObjectType({ description: 'An administrative region; regions nest through `parent` up to a country' })
export class Region {
  @Field(() => ID, { description: 'NUTS 2013 code (e.g. FI1D1), ISO 3166-2 code (e.g. RU-PSK) or ISO 3166-1 country code' })
  id!: string;

  @Field()
  name!: string;

  @Field(() => RegionLevel)
  level!: RegionLevel;

  @Field({ description: 'Two-letter code of the country the region lies in (e.g. FI, RU)' })
  countryCode!: string;

  @Field(() => String, { nullable: true, description: 'What the country calls the region, as ISO 3166-2 types it (Oblast, Voivodeship, County, …); null for NUTS regions' })
  kind!: string | null;

  @Field(() => String, { description: SOURCE_DESCRIPTION })
  source!: string;

  @Field(() => [String])
  sourceUrls!: string[];
}

@ObjectType()
export class RegionConnection extends connectionTypes(Region, 'Region') {}
