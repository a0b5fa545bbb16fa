// Electron main script that `refscope export` starts to render PNG, PDF and GIF exports in
// Electron's own engine when the Electron binary is installed (src/cli/electronBinaryEngine.ts).
// One hidden, sandboxed window in an in-memory session that refuses every request but inline
// data, as the app's export windows (electronRender.ts). Jobs arrive as JSON lines on stdin;
// answers leave as lines on stdout that start with the marker, so stray output is ignored.
const { app, BrowserWindow, session } = require('electron')
const { createInterface } = require('node:readline')

const MARKER = '@refscope-render '
const BLANK_PAGE = 'about:blank'

function send(message) {
  process.stdout.write(MARKER + JSON.stringify(message) + '\n')
}

async function answer(window, job) {
  const contents = window.webContents
  if (job.kind === 'evaluate') return contents.executeJavaScript(job.expression)
  if (job.kind === 'print') return (await contents.printToPDF(job.options)).toString('base64')
  throw new Error(`unknown job ${job.kind}`)
}

app.whenReady().then(async () => {
  const exportSession = session.fromPartition('refscope-cli-export')
  exportSession.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !(details.url === BLANK_PAGE || details.url.startsWith('data:')) }),
  )
  exportSession.setPermissionRequestHandler((_contents, _permission, grant) => grant(false))
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      session: exportSession,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      spellcheck: false,
      backgroundThrottling: false,
    },
  })
  await window.loadURL(BLANK_PAGE)
  const lines = createInterface({ input: process.stdin })
  lines.on('line', (line) => {
    let job
    try {
      job = JSON.parse(line)
    } catch {
      return
    }
    answer(window, job).then(
      (value) => send({ id: job.id, ok: true, value }),
      (error) => send({ id: job.id, ok: false, error: String((error && error.message) || error) }),
    )
  })
  // The CLI closing stdin is the signal to quit.
  lines.on('close', () => app.quit())
  send({ ready: true })
})

app.on('window-all-closed', () => app.quit())
