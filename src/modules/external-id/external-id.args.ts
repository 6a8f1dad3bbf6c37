import { ArgsType, Field, InputType } from 'type-graphql';
import { BadUserInputError } from '../../errors';
import { EXTERNAL_ID_SCHEME, externalIdKey } from '../../seed/seed-files';

/** Longest scheme accepted: the stored ones are a few characters. */
export const MAX_SCHEME_LENGTH = 40;
/** Longest value accepted: keep.eu's longest key (programme name | acronym) has 272 characters. */
export const MAX_VALUE_LENGTH = 500;

const SCHEME_DESCRIPTION = `"keep-eu" or "project-code" (lowercase letters, digits and "-"; at most ${MAX_SCHEME_LENGTH} characters)`;
const VALUE_DESCRIPTION = `Exactly as the source writes it, e.g. "2014 - 2020 INTERREG VB Baltic Sea|Baltic LINes" or "KO1029" (at most ${MAX_VALUE_LENGTH} characters)`;

@ArgsType()
export class ExternalIdArgs {
  @Field({ description: SCHEME_DESCRIPTION })
  scheme!: string;

  @Field({ description: VALUE_DESCRIPTION })
  value!: string;
}

@InputType({ description: 'An external id to match exactly' })
export class ExternalIdInput {
  @Field({ description: SCHEME_DESCRIPTION })
  scheme!: string;

  @Field({ description: VALUE_DESCRIPTION })
  value!: string;
}

/**
 * The stored key of an external id, after bounding its parts; a bad part is a
 * BAD_USER_INPUT naming `<prefix>scheme` or `<prefix>value`, and a long value is not echoed.
 */
export function externalIdKeyOf(input: { scheme: string; value: string }, argumentPrefix = ''): string {
  const { scheme, value } = input;
  if (scheme.length > MAX_SCHEME_LENGTH || !EXTERNAL_ID_SCHEME.test(scheme)) {
    const what = scheme.length > MAX_SCHEME_LENGTH ? `is ${scheme.length} characters long; at most ${MAX_SCHEME_LENGTH} are allowed` : `"${scheme}" is not a scheme (lowercase letters, digits and "-")`;
    throw new BadUserInputError(`Argument "${argumentPrefix}scheme" ${what}`, `${argumentPrefix}scheme`);
  }
  if (value.length === 0 || value.length > MAX_VALUE_LENGTH) {
    const what = value.length === 0 ? 'is empty' : `is ${value.length} characters long; at most ${MAX_VALUE_LENGTH} are allowed`;
    throw new BadUserInputError(`Argument "${argumentPrefix}value" ${what}`, `${argumentPrefix}value`);
  }
  return externalIdKey(scheme, value);
}
