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
