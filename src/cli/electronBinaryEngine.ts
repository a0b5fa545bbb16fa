/**
 * A render engine in the installed Electron binary, for `refscope export` on machines that have
 * it: Electron runs src/main/exportRenderMain.cjs (a hidden, offline, sandboxed window) and
 * answers JSON-line jobs — evaluate in the page, print with Electron's `printToPDF`.
 */
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { PdfPageSetup, RenderEngine } from '../export/renderEngine.ts'
import { electronPdfOptions, writeDocumentExpression } from '../export/writeDocument.ts'

const MAIN_SCRIPT = fileURLToPath(new URL('../main/exportRenderMain.cjs', import.meta.url))
const MARKER = '@refscope-render '
const BLANK = '<!doctype html><html><body></body></html>'

/** How long Electron may take to start and show its window. */
const START_TIMEOUT_MS = 60_000

type Job = { kind: 'evaluate'; expression: string } | { kind: 'print'; options: object }

interface Answer {
  id?: number
  ready?: boolean
  ok?: boolean
  value?: unknown
  error?: string
}

/** Starts Electron at `executablePath` as a render engine; rejects when it cannot start. */
export async function openElectronBinaryEngine(executablePath: string): Promise<RenderEngine> {
  // Chromium refuses to run its sandbox as root (containers); the page stays isolated anyway.
  const args = [MAIN_SCRIPT, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])]
  const env = { ...process.env }
  delete env.ELECTRON_RUN_AS_NODE
  const child = spawn(executablePath, args, { stdio: ['pipe', 'pipe', 'pipe'], env })
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
  let nextId = 1
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000)
  })
  const why = (): string =>
    stderr.split('\n').find((line) => line.trim()) ?? 'it exited without saying why'

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill()
      reject(new Error(`Electron did not start within ${START_TIMEOUT_MS / 1000} s`))
    }, START_TIMEOUT_MS)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      const failure = new Error(`Electron exited (${code ?? 'signal'}): ${why()}`)
      reject(failure)
      for (const job of pending.values()) job.reject(failure)
      pending.clear()
    })
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith(MARKER)) return
      const message = JSON.parse(line.slice(MARKER.length)) as Answer
      if (message.ready) {
        clearTimeout(timer)
        resolve()
        return
      }
      const job = message.id === undefined ? undefined : pending.get(message.id)
      if (!job) return
      pending.delete(message.id!)
      if (message.ok) job.resolve(message.value)
      else job.reject(new Error(message.error ?? 'the export page failed'))
    })
  })
  await ready

  function run(job: Job): Promise<unknown> {
    const id = nextId++
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject })
      child.stdin.write(JSON.stringify({ id, ...job }) + '\n')
    })
  }

  return {
    evaluate: (expression) => run({ kind: 'evaluate', expression }),
    async printPdf(html: string, setup: PdfPageSetup) {
      await run({ kind: 'evaluate', expression: writeDocumentExpression(html) })
      try {
        const base64 = await run({ kind: 'print', options: electronPdfOptions(setup) })
        return new Uint8Array(Buffer.from(String(base64), 'base64'))
      } finally {
        await run({ kind: 'evaluate', expression: writeDocumentExpression(BLANK) })
      }
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.stdin.end()
      const timer = setTimeout(() => child.kill(), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
}
