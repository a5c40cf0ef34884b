/// <reference types="vite/client" />

// stylis ships no types; the app only passes its prefixer to emotion's cache.
declare module 'stylis' {
  import type { StylisPlugin } from '@emotion/cache';
  export const prefixer: StylisPlugin;
}
