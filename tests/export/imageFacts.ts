/** Reads facts from exported binary files without extra libraries. */

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (!signature.every((byte, index) => bytes[index] === byte)) throw new Error('not a PNG')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

/** Logical screen size and number of image frames of a GIF, walking its block structure. */
export function gifFacts(bytes: Uint8Array): { width: number; height: number; frames: number } {
  const header = String.fromCharCode(...bytes.subarray(0, 6))
  if (header !== 'GIF89a' && header !== 'GIF87a') throw new Error('not a GIF')
  const width = bytes[6]! | (bytes[7]! << 8)
  const height = bytes[8]! | (bytes[9]! << 8)
  let at = 13
  if (bytes[10]! & 0x80) at += 3 * (1 << ((bytes[10]! & 7) + 1))
  const skipSubBlocks = () => {
    while (bytes[at] !== 0) {
      if (at >= bytes.length) throw new Error('truncated GIF')
      at += bytes[at]! + 1
    }
    at += 1
  }
  let frames = 0
  for (;;) {
    const block = bytes[at]
    if (block === 0x3b) break
    if (block === 0x21) {
      at += 2
      skipSubBlocks()
    } else if (block === 0x2c) {
      frames += 1
      const packed = bytes[at + 9]!
      at += 10
      if (packed & 0x80) at += 3 * (1 << ((packed & 7) + 1))
      at += 1 // LZW minimum code size
      skipSubBlocks()
    } else {
      throw new Error(`unexpected GIF block 0x${(block ?? 0).toString(16)} at ${at}`)
    }
  }
  return { width, height, frames }
}
