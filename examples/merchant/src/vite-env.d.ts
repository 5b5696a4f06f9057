/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The BFF's origin when it is not this page's (CORS); unset when it is mounted on the same origin. */
  readonly VITE_BFF_URL?: string;
}
