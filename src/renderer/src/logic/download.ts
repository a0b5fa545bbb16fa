import { zipSync } from 'fflate'

/** Offers text to the user as a file download. */
export function downloadText(fileName: string, text: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** Lets the user pick a text file and resolves with its contents (null when cancelled). */
export function pickTextFile(accept = '.py,.txt'): Promise<string | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      if (!file) resolve(null)
      else file.text().then(resolve, () => resolve(null))
    })
    input.click()
  })
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  html: 'text/html',
  pdf: 'application/pdf',
  gif: 'image/gif',
  json: 'application/json',
  refscope: 'application/json',
}

/** The MIME type of a file name's extension (octet-stream when unknown). */
export function mimeTypeOf(fileName: string): string {
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase()
  return MIME_TYPES[extension] ?? 'application/octet-stream'
}

/** Decodes base64 to bytes. */
export function bytesFromBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
  return bytes
}

/** Offers bytes to the user as a file download. */
export function downloadBytes(fileName: string, bytes: Uint8Array<ArrayBuffer>): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeTypeOf(fileName) }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** Offers base64-encoded bytes to the user as a file download. */
export function downloadBase64(fileName: string, base64: string): void {
  downloadBytes(fileName, bytesFromBase64(base64))
}

/**
 * One zip of several base64-encoded files, all inside `folder/` (browsers ask before a page
 * downloads many files at once, so a range of diagrams comes as one archive).
 */
export function zipOf(
  folder: string,
  files: ReadonlyArray<{ name: string; base64: string }>,
): Uint8Array<ArrayBuffer> {
  const entries: Record<string, Uint8Array> = {}
  for (const file of files) entries[`${folder}/${file.name}`] = bytesFromBase64(file.base64)
  return zipSync(entries) as Uint8Array<ArrayBuffer>
}
