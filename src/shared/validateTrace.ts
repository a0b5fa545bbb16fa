/** Validates a document against the `refscope-trace/1` JSON Schema (src/shared/trace.schema.json). */
import Ajv2020 from 'ajv/dist/2020.js'
import type { ValidateFunction } from 'ajv/dist/2020.js'
import schema from './trace.schema.json' with { type: 'json' }

/** One place where a document breaks the schema. */
export interface TraceValidationError {
  /** JSON Pointer to the offending value (`/steps/3/objects/o7/refcount`); empty for the root. */
  path: string
  /** What is wrong there. */
  message: string
}

/** The result of validating one document. */
export interface TraceValidation {
  valid: boolean
  /** Empty when `valid`. */
  errors: TraceValidationError[]
}

let compiled: ValidateFunction | null = null

function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false })
    compiled = ajv.compile(schema)
  }
  return compiled
}

/** Check `doc` (e.g. parsed `refscope trace` output) against the schema. */
export function validateTrace(doc: unknown): TraceValidation {
  const validate = validator()
  if (validate(doc)) return { valid: true, errors: [] }
  const errors = (validate.errors ?? []).map((error) => ({
    path: error.instancePath,
    message:
      error.params && 'allowedValues' in error.params
        ? `${error.message}: ${(error.params.allowedValues as unknown[]).join(', ')}`
        : (error.message ?? 'is invalid'),
  }))
  return { valid: false, errors }
}
