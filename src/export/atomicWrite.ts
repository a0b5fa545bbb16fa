/** Writes files so a reader never sees half of one: a temp file beside the target, then rename. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** Writes `data` to `path` atomically (creating the parent folder). */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const folder = dirname(path)
  mkdirSync(folder, { recursive: true })
  const temp = join(folder, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`)
  try {
    writeFileSync(temp, data)
    renameSync(temp, path)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}

/**
 * Writes several files into `folder` all or nothing: they are written into a temp folder that is
 * renamed into place, replacing an earlier export of the same name.
 */
export function writeFolderAtomic(
  folder: string,
  files: ReadonlyArray<{ name: string; data: string | Uint8Array }>,
): void {
  const parent = dirname(folder)
  mkdirSync(parent, { recursive: true })
  const temp = join(parent, `.${basename(folder)}.${process.pid}.${Date.now()}.tmp`)
  const old = `${temp}.old`
  try {
    mkdirSync(temp)
    for (const file of files) writeFileSync(join(temp, file.name), file.data)
    try {
      renameSync(folder, old)
    } catch {
      // nothing there yet
    }
    renameSync(temp, folder)
    rmSync(old, { recursive: true, force: true })
  } catch (error) {
    rmSync(temp, { recursive: true, force: true })
    throw error
  }
}

/** `step-0001.svg`… names for a range export (1-based position in the export, 4 digits). */
export function stepFileName(position: number, extension: string): string {
  return `step-${String(position + 1).padStart(4, '0')}.${extension}`
}
