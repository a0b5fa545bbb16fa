/** A stand-in for the app: edits code with autosave on, then waits to be killed. */
import { Autosave } from '../../src/host/autosave.ts'
import { emptySession } from '../../src/shared/session.ts'

const folder = process.argv[2]!
const autosave = new Autosave(folder, 'main', 50)
let code = ''
for (const line of ['a = [1, 2]', 'b = a', 'del a']) {
  code += line + '\n'
  autosave.markDirty(
    { ...emptySession(code), annotations: [{ step: 2, text: 'b aliases a' }] },
    '/lessons/alias.refscope',
  )
}
setTimeout(() => process.stdout.write('saved\n'), 200)
setInterval(() => {}, 1000)
