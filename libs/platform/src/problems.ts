import type { ContextProblems } from '@slussen/core';
import { CATALOGUE_PROBLEMS } from '@slussen/catalogue';
import { IDEAS_PROBLEMS } from '@slussen/ideas';
import { IDENTITY_PROBLEMS } from '@slussen/identity';
import { LIBRARY_PROBLEMS } from '@slussen/library';
import { PILOTS_PROBLEMS } from '@slussen/pilots';
import { SCHEDULING_PROBLEMS } from '@slussen/scheduling';

/** Every context's problem codes and meaningful constraints; the apps register them with `ProblemsModule.forRoot`. */
export const CONTEXT_PROBLEMS: readonly ContextProblems[] = [
  IDENTITY_PROBLEMS,
  CATALOGUE_PROBLEMS,
  SCHEDULING_PROBLEMS,
  PILOTS_PROBLEMS,
  LIBRARY_PROBLEMS,
  IDEAS_PROBLEMS,
];
