/** Reads facts from exported binary files without extra libraries. */
import { inflateSync } from 'node:zlib'

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

/** An 8-bit RGB or RGBA PNG decoded to pixels (enough for the PNGs tools here write). */
export interface PngPixels {
  width: number
  height: number
  /** Red, green, blue (0–255) and alpha (0–1) of the pixel at (x, y). */
  at(x: number, y: number): [number, number, number, number]
}

/** Decodes a non-interlaced 8-bit RGB/RGBA PNG with Node's zlib. */
export function pngPixels(bytes: Uint8Array): PngPixels {
  const { width, height } = pngSize(bytes)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const bitDepth = bytes[24]
  const colorType = bytes[25]
  if (bitDepth !== 8 || (colorType !== 2 && colorType !== 6) || bytes[28] !== 0) {
    throw new Error(`unsupported PNG (depth ${bitDepth}, colour type ${colorType})`)
  }
  const channels = colorType === 6 ? 4 : 3
  const chunks: Uint8Array[] = []
  for (let at = 8; at < bytes.length;) {
    const length = view.getUint32(at)
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8))
    if (type === 'IDAT') chunks.push(bytes.subarray(at + 8, at + 8 + length))
    at += length + 12
  }
  const raw = inflateSync(Buffer.concat(chunks))
  const stride = width * channels
  const pixels = new Uint8Array(height * stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? pixels[y * stride + i - channels]! : 0
      const up = y > 0 ? pixels[(y - 1) * stride + i]! : 0
      const upLeft = y > 0 && i >= channels ? pixels[(y - 1) * stride + i - channels]! : 0
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter]
      if (predictor === undefined) throw new Error(`bad PNG filter ${filter}`)
      pixels[y * stride + i] = (line[i]! + predictor) & 0xff
    }
  }
  return {
    width,
    height,
    at(x, y) {
      const i = y * stride + x * channels
      return [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!, channels === 4 ? pixels[i + 3]! / 255 : 1]
    },
  }
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c
  const pa = Math.abs(p - a)
  const pb = Math.abs(p - b)
  const pc = Math.abs(p - c)
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}
