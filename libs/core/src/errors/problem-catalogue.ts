import { DynamicModule, Global, Module } from '@nestjs/common';
import type { ConstraintProblem, ContextProblems } from './constraint-problems.js';
import { PROBLEMS, type ProblemCode, type ProblemType } from './problem-codes.js';

/** Core's problem codes and those of the contexts an app is made of; refuses a code or constraint declared twice. */
export class ProblemCatalogue {
  private readonly types = new Map<string, { type: ProblemType; context: string }>();
  private readonly constraints = new Map<string, { problem: ConstraintProblem; context: string }>();

  constructor(contexts: readonly ContextProblems[]) {
    for (const [code, type] of Object.entries(PROBLEMS)) this.types.set(code, { type, context: 'core' });
    for (const { context, codes, constraints } of contexts) {
      for (const [code, type] of Object.entries(codes)) {
        const known = this.types.get(code);
        if (known) throw new Error(`problem code ${code} is declared by both ${known.context} and ${context}`);
        this.types.set(code, { type: type!, context });
      }
      for (const [name, problem] of Object.entries(constraints)) {
        const known = this.constraints.get(name);
        if (known) throw new Error(`constraint ${name} is mapped by both ${known.context} and ${context}`);
        this.constraints.set(name, { problem, context });
      }
    }
    for (const [name, { problem, context }] of this.constraints)
      if (!this.types.has(problem.code))
        throw new Error(`constraint ${name} of ${context} maps to ${problem.code}, which has no HTTP mapping`);
  }

  type(code: ProblemCode): ProblemType | undefined {
    return this.types.get(code)?.type;
  }

  constraint(name: string | undefined): ConstraintProblem | undefined {
    return name ? this.constraints.get(name)?.problem : undefined;
  }

  /** Every code, by status and then by name. */
  get codes(): ProblemCode[] {
    return [...this.types.entries()]
      .sort(([a, x], [b, y]) => x.type.status - y.type.status || a.localeCompare(b))
      .map(([code]) => code as ProblemCode);
  }
}

let active = new ProblemCatalogue([]);

/** The catalogue the HTTP filter answers from: core's codes until an app registers its contexts'. */
export function problemCatalogue(): ProblemCatalogue {
  return active;
}

/** Makes these contexts' problems the ones the HTTP filter knows (ProblemsModule does it as an app starts). */
export function registerProblems(contexts: readonly ContextProblems[]): ProblemCatalogue {
  active = new ProblemCatalogue(contexts);
  return active;
}

/** An app's problem codes, from the list of its contexts: `ProblemsModule.forRoot(CONTEXT_PROBLEMS)`. */
@Global()
@Module({})
export class ProblemsModule {
  static forRoot(contexts: readonly ContextProblems[]): DynamicModule {
    return {
      module: ProblemsModule,
      providers: [{ provide: ProblemCatalogue, useFactory: () => registerProblems(contexts) }],
      exports: [ProblemCatalogue],
    };
  }
}
