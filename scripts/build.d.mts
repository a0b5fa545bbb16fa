/** The project root. */
export const root: string
/** Runs `electron-vite build`; throws if it fails. */
export function buildApp(): void
