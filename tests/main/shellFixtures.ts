/** What the Electron shell's tests set up again and again. */
import { AppFiles } from '../../src/host/appFiles.ts'
import { TraceService } from '../../src/host/traceService.ts'
import type { HostClient } from '../../src/host/traceService.ts'
import { FakeEngine } from '../host/fakeEngine.ts'
import type { FakeBrowserWindow } from './electronFake.ts'

/** The host client registerIpc makes for a window's renderer (`wc-<contents id>`). */
export function clientOf(window: FakeBrowserWindow): HostClient {
  return { id: `wc-${window.webContents.id}`, emit: () => {} }
}

/** Host files over a fake engine, keeping their data in `dir`. */
export function appFilesIn(dir: string): AppFiles {
  return new AppFiles(new TraceService({ createEngine: () => new FakeEngine() }), dir)
}
