// Errors whose message says everything: the test runner prints them without a stack trace.

/** A problem with the test environment (missing binary, node that will not start, timeout). */
export class E2eError extends Error {
  constructor(message) {
    super(message);
    this.name = 'E2eError';
    // The message is the whole story; a stack into the helpers would only hide it.
    this.stack = message;
  }
}
