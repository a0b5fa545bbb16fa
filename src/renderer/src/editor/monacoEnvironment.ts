import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker'

/** Tells Monaco how to start its web worker (bundled by Vite, no CDN). */
export function installMonacoEnvironment(): void {
  const scope = self as unknown as { MonacoEnvironment?: { getWorker(): Worker } }
  scope.MonacoEnvironment = { getWorker: () => new EditorWorker() }
}
