import {
  type AnswerSpec,
  type AnyRouteSpec,
  contract,
  errorBodySchema,
  errorStatuses,
  errorsOf,
  findRoute,
} from '@mandarin-kit/core';
import { z } from 'zod';

/** An answer of the BFF that is not what the browser API's route table declares for its route. */
export class ContractViolation extends Error {
  override readonly name = 'ContractViolation';
}

/**
 * Checks one answer of the BFF against the route table (`@mandarin-kit/core`'s `routes` and `contract`): a
 * success must be a status the route declares, with a body its view schema accepts (or the declared media
 * type); an error must be the error body with a code the route declares, and a status that code is answered
 * with. Throws a {@link ContractViolation} saying what differs; an answer for a path of no route is only
 * checked to be an error body. Answers that did not come from the BFF (no `X-Request-Id`, e.g. a proxy's 502)
 * are not checked.
 */
export function checkContract(
  method: string,
  url: URL,
  answer: { status: number; headers: Headers; body: unknown; text: string },
): void {
  if (!url.pathname.startsWith('/api/') || answer.headers.get('x-request-id') === null) return;
  const where = `${method} ${url.pathname}${url.search} → ${answer.status}`;
  const found = findRoute(method === 'HEAD' ? 'GET' : method, url.pathname);
  if (answer.status >= 400) {
    const parsed = errorBodySchema.safeParse(answer.body);
    if (!parsed.success) {
      throw new ContractViolation(
        `${where}: not the error body: ${z.prettifyError(parsed.error)}\n${answer.text}`,
      );
    }
    if (found === undefined) return;
    const { code } = parsed.data.error;
    if (!errorsOf(found.name).includes(code)) {
      throw new ContractViolation(`${where}: ${code} is not an error code of route ${found.name}`);
    }
    if (!errorStatuses[code].includes(answer.status)) {
      throw new ContractViolation(`${where}: ${code} is answered with ${errorStatuses[code].join(' or ')}`);
    }
    return;
  }
  if (found === undefined) {
    throw new ContractViolation(`${where}: the route table has no route for this answer`);
  }
  const spec = (contract[found.name] as AnyRouteSpec).responses[answer.status] as AnswerSpec | undefined;
  if (spec === undefined) {
    throw new ContractViolation(`${where}: route ${found.name} declares no ${answer.status} answer`);
  }
  if (method === 'HEAD') return;
  if (spec === null) {
    if (answer.text !== '') throw new ContractViolation(`${where}: declared empty, answered ${answer.text}`);
  } else if (spec instanceof z.ZodType) {
    const parsed = spec.safeParse(answer.body);
    if (!parsed.success) {
      throw new ContractViolation(
        `${where}: the body does not match route ${found.name}'s view: ${z.prettifyError(parsed.error)}\n${answer.text}`,
      );
    }
  } else if (!(answer.headers.get('content-type') ?? '').startsWith(spec.contentType)) {
    throw new ContractViolation(
      `${where}: answered ${answer.headers.get('content-type')}, not ${spec.contentType}`,
    );
  }
}
