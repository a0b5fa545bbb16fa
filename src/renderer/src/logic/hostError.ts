/**
 * The message of an error the host sent back, without the wrapping Electron adds
 * ("Error invoking remote method 'channel': Error: …"), so users read only the reason.
 */
export function hostErrorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.replace(/^Error invoking remote method '[^']*': /, '').replace(/^\w*Error: /, '')
}
