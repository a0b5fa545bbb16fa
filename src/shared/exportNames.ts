/** How exported files are named after their session, the same in downloads and save dialogs. */
import type { ExportFormatName } from './ipc.ts'

/** The session's name without `.refscope` (or `refscope` when it has none). */
export function exportStem(base: string): string {
  return base.replace(/\.refscope$/, '') || 'refscope'
}

/** A one-file export's name: the session's name with the file's extension (`basics.pdf`). */
export function downloadName(base: string, fileName: string): string {
  return exportStem(base) + fileName.slice(fileName.lastIndexOf('.'))
}

/** The folder (and zip) name of a several-file export: `basics-svg`. */
export function folderName(base: string, format: ExportFormatName): string {
  return `${exportStem(base)}-${format}`
}

/** True for a name that can stand as a file name on its own (no folders, not `.` or `..`). */
export function isPlainFileName(name: string): boolean {
  return name.length > 0 && name.length <= 255 && !/[/\\\0]/.test(name) && !/^\.\.?$/.test(name)
}
