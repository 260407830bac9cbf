import { z } from 'zod';
import { caseFormNames, formOperations, viewVerbs, type VerbName } from '../forms/formNames';

/** The catalogue of verbs, built from the form names and the view verbs (so it matches `VerbName`). */
export const verbCatalogue: readonly VerbName[] = [
  ...caseFormNames.flatMap((form) => formOperations.map((operation) => `${form}.${operation}` as const)),
  ...Object.values(viewVerbs),
];

const known: ReadonlySet<string> = new Set(verbCatalogue);

/** A verb as Teams sends it, read at the edge: a string that is one of the catalogue's verbs. */
export const verbNameSchema = z.string().refine((verb): verb is VerbName => known.has(verb), { message: 'not a verb of these cards' });
