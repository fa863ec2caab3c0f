import type { Response, Server } from 'restify';
import type { z } from 'zod';
import type { Caller } from '../app/caller';
import {
  API_ROUTES,
  type PathParam,
  type PreconditionHeader,
  type PathParamValue,
  type RouteError,
  type RouteName,
} from '../contract';
import type { Failure, Result } from '../domain/result';
import { readBody } from './body';
import { authed, preconditionHeader, type HttpDeps, type LoggedRequest } from './context';
import { sendFailure } from './errors';
import { parseQuery } from './paging';
import { parseParams } from './params';

type Spec<R extends RouteName> = (typeof API_ROUTES)[R];
type ParamsOf<R extends RouteName> =
  Spec<R> extends { params: readonly (infer P extends PathParam)[] } ? { [K in P]: PathParamValue<K> } : object;
type QueryOf<R extends RouteName> = Spec<R> extends { query: infer Q extends z.ZodTypeAny } ? z.infer<Q> : undefined;
type BodyOf<R extends RouteName> = Spec<R> extends { body: infer B extends z.ZodTypeAny } ? z.infer<B> : never;
type BodyError = 'tooLarge' | 'invalidJson' | 'invalidBody' | 'unsupportedMediaType';

/** What a handler gets: the request, its caller, the path and query parsed with the route's schemas. */
export interface RouteInput<R extends RouteName> {
  readonly req: LoggedRequest;
  readonly res: Response;
  readonly caller: Caller;
  readonly params: ParamsOf<R>;
  readonly query: QueryOf<R>;
  /** Reads the JSON body with the route's schema; the handler decides when, so checks keep their order. */
  readonly body: () => Promise<Result<BodyOf<R>, BodyError>>;
  /** Reads If-Match or If-None-Match strictly (see preconditionHeader). */
  readonly header: (name: PreconditionHeader) => Result<number | undefined, 'invalidPrecondition'>;
  /** Answers one of the route's own failures, with its status. */
  readonly fail: (failure: Failure<RouteError<R>>, extra?: Record<string, unknown>) => void;
}

/** A named handler for one route of the contract. */
export type RouteHandler<R extends RouteName, D = HttpDeps> = (input: RouteInput<R>, deps: D) => Promise<void>;

/** Every route of the contract with its handler: closed, so a route without a handler does not compile. */
export type RouteHandlers<D> = { readonly [R in RouteName]: RouteHandler<R, D> };

const VERB = { GET: 'get', POST: 'post', PUT: 'put', DELETE: 'del' } as const;

/** Registers one route of the table: authenticates, parses its path and query, then runs its handler. */
function register<R extends RouteName, D extends HttpDeps>(
  server: Server,
  deps: D,
  name: R,
  handler: RouteHandler<R, D>,
): void {
  const spec: Spec<R> = API_ROUTES[name];
  const params: readonly PathParam[] = 'params' in spec ? spec.params : [];
  const schema: z.ZodTypeAny | undefined = 'query' in spec ? spec.query : undefined;
  const bodySchema: z.ZodTypeAny | undefined = 'body' in spec ? spec.body : undefined;
  server[VERB[spec.method]](
    spec.path,
    authed(deps, async (req, res, caller) => {
      const parsed = parseParams(req, res, params);
      if (!parsed) return;
      const query = schema ? parseQuery(req, res, schema) : undefined;
      if (schema && query === undefined) return;
      const input: RouteInput<R> = {
        req,
        res,
        caller,
        params: parsed as ParamsOf<R>,
        query: query as QueryOf<R>,
        body: async () => {
          if (!bodySchema) throw new Error(`${name} takes no body`);
          return readBody(req, bodySchema);
        },
        header: (header) => preconditionHeader(req, header),
        fail: (failure, extra) => sendFailure(res, failure, extra),
      };
      await handler(input, deps);
    }),
  );
}

/** Registers every /api/v1 route from the table with its handler. */
export function registerApi<D extends HttpDeps>(server: Server, deps: D, handlers: RouteHandlers<D>): void {
  for (const name of Object.keys(API_ROUTES) as RouteName[]) register(server, deps, name, handlers[name]);
}
