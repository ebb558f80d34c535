// Values the build writes into the page (see vite.config.ts).

interface ImportMetaEnv {
  /** The version shown in the footer: package.json's, or VITE_APP_VERSION at build time. */
  readonly VITE_APP_VERSION: string;
}
