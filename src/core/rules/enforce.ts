import { fieldLabels } from '../../contracts/field-labels.ts';
import { fieldError } from '../errors.ts';
import { explain, type Verdict } from './verdict.ts';

/** A refused rule becomes a 400 naming the field (by its Vietnamese label) and the rule's source. */
export function enforce(verdict: Verdict, field: string): void {
  if (!verdict.ok) throw fieldError(field, fieldLabels[field] ?? field, explain(verdict));
}
