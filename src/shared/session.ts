/**
 * The `.refscope` session file: code, breakpoints, current step, annotations, view settings and
 * optionally the trace. Versioned JSON, documented in docs/session-format.md.
 */
import type { TraceDocument } from './trace.ts'
import { TRACE_FORMAT } from './trace.ts'

/** Format tag of every session file. */
export const SESSION_FORMAT = 'refscope-session' as const

/** The newest session format version this build reads and writes. */
export const SESSION_VERSION = 1

/** File name extension of session files. */
export const SESSION_EXTENSION = '.refscope'

/** A note attached to a step, and optionally to one object at that step. */
export interface Annotation {
  /** 0-based trace index. */
  step: number
  /** Trace id of the object the note is about, if any. */
  objectId?: string
  /** The note. */
  text: string
}

/** View settings kept with a session. */
export interface SessionView {
  /** Colour theme. */
  theme: 'light' | 'dark' | 'system'
  /** Draw immortal scalars inline in their slot. */
  immortalInline: boolean
}

/** Everything a session holds, in memory. */
export interface Session {
  /** The Python snippet. */
  code: string
  /** Breakpoint lines (1-based, ascending, unique). */
  breakpoints: number[]
  /** 0-based step shown when the session was saved, or null before a run. */
  currentStep: number | null
  /** Notes attached to steps. */
  annotations: Annotation[]
  /** View settings. */
  view: SessionView
  /** The built-in lesson the code came from, while unedited. */
  lessonId: string | null
  /** The trace of `code`, when saved with the session. */
  trace: TraceDocument | null
}

/** A session file as written (version 1). */
export interface SessionFileV1 extends Session {
  format: typeof SESSION_FORMAT
  version: 1
  /** ISO time of saving. */
  savedAt: string
}

/** Why a session file could not be opened; the message names the file and the problem. */
export class SessionError extends Error {
  constructor(
    message: string,
    /** `corrupt`: not a readable session; `newer`: written by a newer format version. */
    readonly kind: 'corrupt' | 'newer',
  ) {
    super(message)
    this.name = 'SessionError'
  }
}

/** A session read from a file. */
export interface OpenedSession {
  session: Session
  /** True when the file's stored trace did not match its code and was dropped (re-run it). */
  staleTrace: boolean
}

/** An empty session with default settings. */
export function emptySession(code = ''): Session {
  return {
    code,
    breakpoints: [],
    currentStep: null,
    annotations: [],
    view: { theme: 'system', immortalInline: true },
    lessonId: null,
    trace: null,
  }
}

/** True when a trace was produced from exactly this code. */
export function traceMatchesCode(trace: TraceDocument | null, code: string): boolean {
  return trace !== null && trace.source === code
}

/** Serialises a session to the current file format (pretty JSON, newline-terminated). */
export function serializeSession(
  session: Session,
  options: { includeTrace?: boolean; now?: Date } = {},
): string {
  const includeTrace = options.includeTrace ?? true
  const file: SessionFileV1 = {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    savedAt: (options.now ?? new Date()).toISOString(),
    code: session.code,
    breakpoints: session.breakpoints,
    currentStep: session.currentStep,
    annotations: session.annotations,
    view: session.view,
    lessonId: session.lessonId,
    trace: includeTrace && traceMatchesCode(session.trace, session.code) ? session.trace : null,
  }
  return JSON.stringify(file, null, 2) + '\n'
}

function fail(fileName: string, problem: string): never {
  throw new SessionError(`Cannot open ${fileName}: ${problem}`, 'corrupt')
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function readBreakpoints(value: unknown, fileName: string): number[] {
  if (value === undefined) return []
  if (!Array.isArray(value) || !value.every((line) => Number.isInteger(line) && line > 0)) {
    fail(fileName, '"breakpoints" must be a list of line numbers')
  }
  return [...new Set(value as number[])].sort((a, b) => a - b)
}

function readAnnotations(value: unknown, fileName: string): Annotation[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) fail(fileName, '"annotations" must be a list')
  return value.map((item, position) => {
    if (!isRecord(item) || !Number.isInteger(item.step) || (item.step as number) < 0) {
      fail(fileName, `annotation ${position + 1} needs a step number`)
    }
    if (typeof item.text !== 'string') fail(fileName, `annotation ${position + 1} needs a text`)
    if (item.objectId !== undefined && typeof item.objectId !== 'string') {
      fail(fileName, `annotation ${position + 1} has an invalid objectId`)
    }
    const annotation: Annotation = { step: item.step as number, text: item.text }
    if (typeof item.objectId === 'string') annotation.objectId = item.objectId
    return annotation
  })
}

function readView(value: unknown): SessionView {
  const view = isRecord(value) ? value : {}
  const theme = view.theme === 'light' || view.theme === 'dark' ? view.theme : 'system'
  return { theme, immortalInline: view.immortalInline !== false }
}

function readTrace(value: unknown, fileName: string): TraceDocument | null {
  if (value === undefined || value === null) return null
  if (!isRecord(value) || value.format !== TRACE_FORMAT || !Array.isArray(value.steps)) {
    fail(fileName, `"trace" is not a ${TRACE_FORMAT} document`)
  }
  return value as unknown as TraceDocument
}

/**
 * Parses a session file. Throws SessionError naming `fileName` and the problem for unreadable
 * files, and a distinct message for files written by a newer format version. A stored trace that
 * does not belong to the stored code is dropped and reported as stale, never shown.
 */
export function parseSession(text: string, fileName: string): OpenedSession {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    fail(fileName, `it is not valid JSON (${(error as Error).message})`)
  }
  if (!isRecord(data) || data.format !== SESSION_FORMAT) {
    fail(fileName, 'it is not a Refscope session file')
  }
  const version = data.version
  if (!Number.isInteger(version) || (version as number) < 1) {
    fail(fileName, 'its format version is missing or invalid')
  }
  if ((version as number) > SESSION_VERSION) {
    throw new SessionError(
      `Cannot open ${fileName}: it was saved by a newer Refscope (session format ${version}); ` +
        `this version reads format ${SESSION_VERSION}. Update Refscope to open it.`,
      'newer',
    )
  }
  if (typeof data.code !== 'string') fail(fileName, '"code" is missing')
  const code = data.code
  const step = data.currentStep
  if (step !== undefined && step !== null && (!Number.isInteger(step) || (step as number) < 0)) {
    fail(fileName, '"currentStep" must be a step number')
  }
  const stored = readTrace(data.trace, fileName)
  const staleTrace = stored !== null && !traceMatchesCode(stored, code)
  const trace = staleTrace ? null : stored
  const currentStep =
    trace && typeof step === 'number' ? Math.min(step, Math.max(0, trace.steps.length - 1)) : null
  return {
    session: {
      code,
      breakpoints: readBreakpoints(data.breakpoints, fileName),
      currentStep: trace ? currentStep : typeof step === 'number' ? step : null,
      annotations: readAnnotations(data.annotations, fileName),
      view: readView(data.view),
      lessonId: typeof data.lessonId === 'string' ? data.lessonId : null,
      trace,
    },
    staleTrace,
  }
}
