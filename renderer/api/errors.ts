/** A call the back end refused or could not do: its code, and the sentence for the clerk. */
export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * What the window says when a call fails: the back end's own sentence (it names the cell, the
 * file or the report and what to do), or, for a failure inside the window, what it was.
 */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiFailure) return err.message;
  if (err instanceof Error) return `操作没有完成：${err.message}`;
  return `操作没有完成：${String(err)}`;
}
