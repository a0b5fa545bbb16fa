/**
 * Routes one invoke request to the trace service after validating it; the single entry point
 * both hosts (Electron IPC and the WebSocket bridge) use.
 */
import type { InvokeChannel, ReplyOf, RequestOf } from '../shared/ipc.ts'
import { validateRequest } from '../shared/ipcValidators.ts'
import type { AppFiles } from './appFiles.ts'
import type { HostClient, TraceService } from './traceService.ts'

type Handlers = {
  [C in InvokeChannel]: (
    client: HostClient,
    request: RequestOf<C>,
  ) => ReplyOf<C> | Promise<ReplyOf<C>>
}

/** Validates and answers one request; throws InvalidRequestError or a service error. */
export type Dispatch = <C extends InvokeChannel>(
  client: HostClient,
  channel: C,
  request: unknown,
) => Promise<ReplyOf<C>>

function noFiles(): never {
  throw new Error('This host keeps no files')
}

/** Builds the dispatcher over one service (and the host's exports and autosave, if any). */
export function createDispatch(service: TraceService, files?: AppFiles): Dispatch {
  const handlers: Handlers = {
    'engine:info': (_client, request) => service.info(request?.wait ?? false),
    'trace:run': (client, request) => service.run(client, request),
    'trace:cancel': (client, request) => service.cancel(client, request.runId),
    'trace:steps': (client, request) => service.steps(client, request),
    'trace:output': (client, request) => service.output(client, request),
    'trace:summary': (client, request) => service.summary(client, request),
    'export:create': (client, request) => (files ?? noFiles()).export(client, request),
    'export:cancel': (client, request) =>
      (files ?? noFiles()).cancelExport(client, request.exportId),
    'session:autosave': (client, request) => (files ?? noFiles()).save(client, request),
    'session:clearAutosave': (client) => (files ?? noFiles()).clear(client.id),
    'session:recover': (client) => files?.recover(client) ?? null,
    'session:state': (client, request) => files?.setState(client, request),
    'file:saveSession': (client, request) => (files ?? noFiles()).saveSession(client, request),
    'file:openSession': (client) => (files ?? noFiles()).openSession(client),
    'recent:list': () => files?.recentSessions() ?? [],
    'recent:open': (client, request) => (files ?? noFiles()).openRecent(client, request.id),
    'recent:remember': (_client, request) => (files ?? noFiles()).rememberRecent(request),
    'recent:clear': () => (files ?? noFiles()).clearRecent(),
  }
  return async (client, channel, request) => {
    const handler = handlers[channel] as Handlers[typeof channel]
    return handler(client, validateRequest(channel, request))
  }
}
