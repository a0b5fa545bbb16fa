/** Types for the parts of gifenc (an untyped CommonJS package) that the GIF export uses. */
declare module 'gifenc' {
  /** An RGB or RGBA palette. */
  type Palette = number[][]

  interface FrameOptions {
    palette?: Palette
    delay?: number
    repeat?: number
    first?: boolean
  }

  interface Encoder {
    writeFrame(index: Uint8Array, width: number, height: number, options?: FrameOptions): void
    finish(): void
    bytes(): Uint8Array
  }

  /** The functions the export uses. */
  interface GifencApi {
    GIFEncoder(): Encoder
    quantize(rgba: Uint8Array | Uint8ClampedArray, maxColors: number): Palette
    applyPalette(rgba: Uint8Array | Uint8ClampedArray, palette: Palette): Uint8Array
  }

  export const GIFEncoder: GifencApi['GIFEncoder'] | undefined
  const gifenc: GifencApi
  export default gifenc
}
