/** Calls `fn` at most once per interval: at once when idle, else once at the end of the wait. */
export interface Throttle {
  /** Asks for a call. */
  schedule(): void
  /** Drops a pending call. */
  cancel(): void
}

/** Makes a leading-and-trailing throttle around `fn`. */
export function createThrottle(fn: () => void, intervalMs: number): Throttle {
  let last = -Infinity
  let timer: ReturnType<typeof setTimeout> | null = null

  const fire = (): void => {
    timer = null
    last = Date.now()
    fn()
  }

  return {
    schedule() {
      if (timer) return
      const wait = last + intervalMs - Date.now()
      if (wait <= 0) fire()
      else timer = setTimeout(fire, wait)
    },
    cancel() {
      if (timer) clearTimeout(timer)
      timer = null
    },
  }
}
