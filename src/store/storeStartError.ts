/** A store that cannot be used at startup; the message names the file, DATA_DIR or account, and what to do. */
export class StoreStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreStartError';
  }
}
