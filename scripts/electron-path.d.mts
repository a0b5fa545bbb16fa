/** The Electron executable's path when it is installed, else null. */
export function electronBinary(): string | null
