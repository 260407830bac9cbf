import { filterFields, type FilterNode } from './filter';
import { fieldNameOf, type FilterableColumn } from './filterSql';

/** `a and b and c` as [a, b, c], in the order written; anything else is one clause. */
const conjuncts = (node: FilterNode): FilterNode[] => (node.kind === 'and' ? [...conjuncts(node.left), ...conjuncts(node.right)] : [node]);

/**
 * The part of a filter SharePoint uses to select items from a large list: the first clause of a
 * top-level `and` on indexed columns only. SharePoint reads that clause through its index and
 * applies the rest to what it returned, so it is that clause, not the whole filter, that must
 * match no more than the list view threshold. A filter that is not an `and` is its own clause.
 */
export const selectingClause = (filter: FilterNode, columns: Map<string, FilterableColumn>): FilterNode => {
  const indexed = (clause: FilterNode): boolean => filterFields(clause).every((f) => columns.get(fieldNameOf(f))?.indexed === true);
  return conjuncts(filter).find(indexed) ?? filter;
};
