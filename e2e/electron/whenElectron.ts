import { test } from '@playwright/test'
import { electronBinary } from '../../scripts/electron-path.mjs'

/** Why the Electron specs do not run here. */
export const SKIP_REASON = 'Electron binary not available on this machine'

/**
 * Declare Electron specs with the binary's path, or, where the binary is missing (it cannot be
 * downloaded on every machine), one test that is skipped with the reason as its name.
 */
export function whenElectron(describe: (executablePath: string) => void): void {
  const executablePath = electronBinary()
  if (executablePath) {
    describe(executablePath)
    return
  }
  test(SKIP_REASON, () => {
    // The reason is the test's name, so the report says it in one line.
    test.skip(true, SKIP_REASON)
  })
}
