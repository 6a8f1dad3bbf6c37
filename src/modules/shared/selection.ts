/**
 * Responsible for reading the client's selection: whether a field asks for a sub-field
 * (through fragments too), so work such as counting runs only when it is wanted.
 */
import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

function selects(
  selectionSet: SelectionSetNode | undefined,
  name: string,
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string>,
): boolean {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD && selection.name.value === name) return true;
    if (selection.kind === Kind.INLINE_FRAGMENT && selects(selection.selectionSet, name, fragments, seen)) return true;
    if (selection.kind === Kind.FRAGMENT_SPREAD && !seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      if (selects(fragments[selection.name.value]?.selectionSet, name, fragments, seen)) return true;
    }
  }
  return false;
}

/** True when the field being resolved selects `name` directly below it (e.g. `totalCount`). */
export function selectsField(info: GraphQLResolveInfo | undefined, name: string): boolean {
  // Without resolve info (a direct call), err on the side of a complete answer.
  if (!info) return true;
  return info.fieldNodes.some((node) => selects(node.selectionSet, name, info.fragments, new Set()));
}
