/**
 * Routes one invoke request to the trace service after validating it; the single entry point
 * both hosts (Electron IPC and the WebSocket bridge) use.
 */
import type { InvokeChannel, ReplyOf, RequestOf } from '../shared/ipc.ts'
import { validateRequest } from '../shared/ipcValidators.ts'
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

/** Builds the dispatcher over one service. */
export function createDispatch(service: TraceService): Dispatch {
  const handlers: Handlers = {
    'engine:info': (_client, request) => service.info(request?.wait ?? false),
    'trace:run': (client, request) => service.run(client, request),
    'trace:cancel': (client, request) => service.cancel(client, request.runId),
    'trace:steps': (client, request) => service.steps(client, request),
    'trace:summary': (client, request) => service.summary(client, request),
  }
  return async (client, channel, request) => {
    const handler = handlers[channel] as Handlers[typeof channel]
    return handler(client, validateRequest(channel, request))
  }
}
