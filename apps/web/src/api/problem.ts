/** One field's validation problem, as the API's problem+json `errors[]` carries it. */
export interface FieldProblem {
  field: string;
  message: string;
  code?: string;
}

/** An RFC 9457 problem from the API, or a network failure (status 0). */
export class ApiProblem extends Error {
  readonly code: string;

  constructor(
    readonly status: number,
    readonly body: { type?: string; title?: string; detail?: string; errors?: FieldProblem[]; errorId?: string } = {},
  ) {
    super(body.detail ?? body.title ?? `HTTP ${status}`);
    this.code = body.type?.replace(/^\/problems\//, '') ?? (status === 0 ? 'network' : `http-${status}`);
  }

  get errors(): FieldProblem[] {
    return this.body.errors ?? [];
  }
}

export function isProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem;
}

/** Turns an openapi-fetch answer into its data, or throws the problem it carried. */
export function dataOf<T>(answer: { data?: T; error?: unknown; response: Response }): T {
  if (answer.response.ok) return answer.data as T;
  const body = answer.error && typeof answer.error === 'object' ? (answer.error as ApiProblem['body']) : {};
  throw new ApiProblem(answer.response.status, body);
}

type Answer<T> = { data?: T; error?: unknown; response: Response };

/**
 * Awaits an openapi-fetch call: its data, typed by the API's document, or an
 * ApiProblem (status 0 when the network failed). For an answer the document
 * does not describe yet (`Record<string, never>`), name its type: `call<Organization>(...)`.
 */
export async function call<T>(request: Promise<Answer<T>>): Promise<T>;
export async function call<T>(request: Promise<Answer<Record<string, never>>>): Promise<T>;
export async function call<T>(request: Promise<Answer<unknown>>): Promise<T> {
  let answer: Answer<unknown>;
  try {
    answer = await request;
  } catch {
    throw new ApiProblem(0);
  }
  return dataOf(answer) as T;
}
