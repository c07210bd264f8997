/** entropy-string ships no types; these are the parts the tests use. */
declare module 'entropy-string' {
  export class CharSet {}
  export const charset64: CharSet;
  export const charset32: CharSet;
  export const charset16: CharSet;
  export class Entropy {
    constructor(options?: { charset?: CharSet; bits?: number; total?: number; risk?: number });
    string(): string;
    stringWithBytes(bytes: Uint8Array, bits?: number, charset?: CharSet): string;
  }
}
